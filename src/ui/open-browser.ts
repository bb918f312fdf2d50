import { spawn } from 'node:child_process';

/** The command that opens a URL in the user's browser on `platform`. */
export function openerFor(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // `start`'s first quoted argument is a window title: an empty one, so the URL is what it opens.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/** Opens `url` in the browser; a machine without an opener (a server over SSH) just shows the URL. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] = openerFor(platform, url);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // Printed already: the user opens the URL by hand.
  }
}
