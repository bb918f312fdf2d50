// Headless Chromium from the system's `chromium` package (Debian), driven by playwright-core: no
// browser download. Tests that use it are gated with itWith('chromium', …) (outside-programs.ts).

import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Nothing reaches the network by itself: no updates, no sync, no QUIC probes. Each launch gets a fresh
 * throwaway profile (`--user-data-dir`) from playwright itself, which refuses one passed here.
 */
const QUIET_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh Chromium; `close()` it when done. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: QUIET_ARGS });
}
