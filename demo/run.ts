// `npm run demo`: serve the bundled fixture blog and its image CDN on localhost and migrate it, so a new
// user can see the whole tool work without a network.
import { rm } from 'node:fs/promises';
import { runCli } from '../src/cli/run.js';
import { startFixtureBlog } from './blog/fixture-blog.js';
import { startFixtureCdn } from './blog/fixture-cdn.js';
import { loadFixtureBlog } from './blog/fixture-data.js';
import { DEMO_OUT, demoArguments } from './demo-arguments.js';
import { stagedProblems, stagedProblemsAnnouncement, stagedProblemsReminder } from './staged-problems.js';

// The fixture blog gets a new port each time, and a folder holding one blog's export refuses another's:
// each demo starts from an empty folder so that running it again works.
await rm(DEMO_OUT, { recursive: true, force: true });
const data = await loadFixtureBlog();
const problems = stagedProblems(data);
const [blog, cdn] = await Promise.all([startFixtureBlog({ blog: data }), startFixtureCdn()]);
try {
  process.stdout.write(`Fixture blog serving at ${blog.url}, its image CDN at ${cdn.origin}\n`);
  process.stdout.write(stagedProblemsAnnouncement(problems));
  process.exitCode = await runCli(
    demoArguments(blog.url),
    { stdout: process.stdout, stderr: process.stderr },
    // The pages keep their real image URLs (blog.kakaocdn.net, …); this sends those requests to the local CDN.
    { hostMap: cdn.hostMap },
  );
  process.stdout.write(stagedProblemsReminder(problems));
} finally {
  await Promise.all([blog.close(), cdn.close()]);
}
