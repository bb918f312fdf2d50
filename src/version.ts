import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Read once from package.json so the user agent and manifest never drift from the published version.
const packageJson = JSON.parse(
  readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'),
) as { name: string; version: string };

export const TOOL_NAME = packageJson.name;
export const TOOL_VERSION = packageJson.version;
export const DEFAULT_USER_AGENT = `${TOOL_NAME}/${TOOL_VERSION} (+https://www.npmjs.com/package/${TOOL_NAME})`;
