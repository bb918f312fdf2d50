// The compiled CLI (dist/), run exactly as dist/cli.js runs it, plus the test-only hostMap (JSON in
// TE_HOST_MAP) that sends the real CDN host names of the fixture pages to the local fixture CDN, as
// `npm run demo` does. Signals reach the same runCli, so SIGINT and SIGKILL behave as for a user.
import { runCli } from '../../dist/cli/run.js';

const hostMap = JSON.parse(process.env.TE_HOST_MAP ?? '{}');
// It stands in for the installed bin, so its resume hint reads as the bin's does, however the tests were started.
process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr },
  { hostMap, launchedAs: ['tistory-export'] },
);
