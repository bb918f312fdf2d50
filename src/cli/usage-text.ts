import { shellWord } from './interrupt.js';

/**
 * A few real commands, written with the words that started this run (`npx tistory-export`,
 * `tistory-export`, `node dist/cli.js`), so that each can be pasted as it is.
 */
export function examplesText(launchedAs: readonly string[]): string {
  const run = launchedAs.map(shellWord).join(' ');
  return [
    'Examples:',
    '  # a blog, as a Hugo site',
    `  ${run} https://NAME.tistory.com -f hugo -o my-blog`,
    '  # from the official backup zip (관리 › 블로그 › 데이터 관리 › 데이터 백업)',
    `  ${run} ./backup.zip --blog-url https://NAME.tistory.com -f markdown`,
    '  # nightly: the same command again fetches only new and changed posts, and exits 1 when a post failed',
    `  ${run} https://NAME.tistory.com -o ~/tistory-backup -f markdown,jsonl`,
    "  # private and protected posts too, with the owner's login (a cookies.txt file or a Cookie header)",
    `  ${run} https://NAME.tistory.com --cookie cookies.txt`,
    '  # the same in a web page on this computer, with live progress, a report and a zip to download',
    `  ${run} ui`,
    '',
  ].join('\n');
}

/** What a run with no arguments prints: what the tool is, what it takes, examples, and where the options are. */
export function shortUsage(launchedAs: readonly string[], description: string, sourceHelp: string): string {
  const run = launchedAs.map(shellWord).join(' ');
  return [
    `Usage: ${run} [options] <source>`,
    '',
    description,
    `<source>: ${sourceHelp}`,
    '',
    examplesText(launchedAs),
    `Every option: ${run} --help`,
    '',
  ].join('\n');
}
