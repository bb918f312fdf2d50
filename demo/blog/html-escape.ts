// Fixture pages are assembled as strings, so every text value goes through here first.

export { escapeHtml } from '../../src/util/html-escape.js';

/** JSON placed inside a `<script>`: `<` escaped so no value can close the script element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
