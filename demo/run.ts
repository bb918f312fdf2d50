// `npm run demo`: serve the bundled fixture blog and its image CDN on localhost and migrate it, so a new
// user can see the whole tool work without a network.
import { rm } from 'node:fs/promises';
import { runCli } from '../src/cli/run.js';
import { startFixtureBlog } from './blog/fixture-blog.js';
import { startFixtureCdn } from './blog/fixture-cdn.js';

const OUT = 'output/demo';
// The fixture blog gets a new port each time, and a folder holding one blog's export refuses another's:
// each demo starts from an empty folder so that running it again works.
await rm(OUT, { recursive: true, force: true });
const [blog, cdn] = await Promise.all([startFixtureBlog(), startFixtureCdn()]);
try {
  process.stdout.write(`Fixture blog serving at ${blog.url}, its image CDN at ${cdn.origin}\n`);
  process.exitCode = await runCli(
    [blog.url, '--out', OUT, '--format', 'markdown,jsonl', '--comments', 'json', '--rate', '20'],
    { stdout: process.stdout, stderr: process.stderr },
    // The pages keep their real image URLs (blog.kakaocdn.net, …); this sends those requests to the local CDN.
    { hostMap: cdn.hostMap },
  );
} finally {
  await Promise.all([blog.close(), cdn.close()]);
}
