// `npm run demo`: serve the bundled fixture blog and its image CDN on localhost and migrate it, so a new
// user can see the whole tool work without a network.
import { runCli } from './cli/run.js';
import { startFixtureBlog } from './demo/fixture-blog.js';
import { startFixtureCdn } from './demo/fixture-cdn.js';

const [blog, cdn] = await Promise.all([startFixtureBlog(), startFixtureCdn()]);
try {
  process.stdout.write(`Fixture blog serving at ${blog.url}, its image CDN at ${cdn.origin}\n`);
  process.exitCode = await runCli(
    [blog.url, '--out', 'output/demo', '--format', 'markdown,jsonl', '--rate', '20'],
    { stdout: process.stdout, stderr: process.stderr },
    // The pages keep their real image URLs (blog.kakaocdn.net, …); this sends those requests to the local CDN.
    { hostMap: cdn.hostMap },
  );
} finally {
  await Promise.all([blog.close(), cdn.close()]);
}
