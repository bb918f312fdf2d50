import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Read once from package.json so the user agent and manifest never drift from the published version.
// Searched upward: the package runs from dist/, and the demo and benchmark from their own build folders.
const packageJson = JSON.parse(readFileSync(nearestPackageJson(dirname(fileURLToPath(import.meta.url))), 'utf8')) as {
  name: string;
  version: string;
};

function nearestPackageJson(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    const candidate = join(folder, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) throw new Error(`package.json not found above ${start}`);
  }
}

export const TOOL_NAME = packageJson.name;
export const TOOL_VERSION = packageJson.version;
export const DEFAULT_USER_AGENT = `${TOOL_NAME}/${TOOL_VERSION} (+https://www.npmjs.com/package/${TOOL_NAME})`;
