// `npm run demo`: serve the bundled fixture blog on localhost and migrate it, so a new user can see the
// whole tool work without a network.
import { runCli } from './cli/run.js';
import { startFixtureBlog } from './demo/fixture-blog.js';

const blog = await startFixtureBlog();
try {
  process.stdout.write(`Fixture blog serving at ${blog.url}\n`);
  process.exitCode = await runCli([blog.url, '--out', 'output/demo', '--format', 'markdown,jsonl', '--rate', '20'], {
    stdout: process.stdout,
    stderr: process.stderr,
  });
} finally {
  await blog.close();
}
