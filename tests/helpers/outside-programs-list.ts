// The programs some tests need that `npm ci` does not install, each with how to tell it is there and how
// to install it. Kept free of vitest's test API so the reporter (in vitest's main process) can read it too.

export interface OutsideProgramSpec {
  /** Commands that must all exit 0 for the program to count as installed. */
  probes: readonly (readonly [command: string, ...args: string[]])[];
  /** What a user runs to install it. */
  install: string;
}

export const OUTSIDE_PROGRAMS = {
  hugo: { probes: [['hugo', 'version']], install: 'sudo apt-get install -y hugo' },
  // The exported Jekyll site is built as its Gemfile says (`bundle exec jekyll build`, Debian's jekyll
  // brings bundler) and lists jekyll-redirect-from among its plugins: jekyll alone cannot build it.
  jekyll: {
    probes: [
      ['jekyll', '--version'],
      ['bundle', '--version'],
      ['ruby', '-e', 'require "jekyll-redirect-from"'],
    ],
    install: 'sudo apt-get install -y jekyll ruby-jekyll-redirect-from',
  },
  // A real WordPress for -f wordpress (tests/wordpress/wordpress-site.ts): Debian's WordPress, served by
  // PHP's built-in server, on a MariaDB server the tests start on a private socket.
  wordpress: {
    probes: [
      ['test', '-f', '/usr/share/wordpress/wp-load.php'],
      ['mariadbd', '--version'],
      ['test', '-x', '/usr/bin/mariadb-install-db'],
      ['php', '-r', 'exit(extension_loaded("mysqli") ? 0 : 1);'],
    ],
    install: 'sudo apt-get install -y wordpress mariadb-server php-cli php-mysql',
  },
  // The browser tests (report.html, the ui app): Debian's Chromium, driven by playwright-core.
  chromium: { probes: [['chromium', '--version']], install: 'sudo apt-get install -y chromium' },
} as const satisfies Record<string, OutsideProgramSpec>;

export type OutsideProgram = keyof typeof OUTSIDE_PROGRAMS;

/** The test metadata key under which a skipped test names the programs it lacked. */
export const MISSING_PROGRAMS_META = 'missingOutsidePrograms';

declare module 'vitest' {
  interface TaskMeta {
    [MISSING_PROGRAMS_META]?: OutsideProgram[];
  }
}

/**
 * CI runs must run everything: its set-up installs every outside program, so one missing there is a
 * broken set-up to report, not a test to skip.
 */
export function onCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== 'false' && value !== '0';
}
