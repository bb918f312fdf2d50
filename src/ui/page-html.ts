import type { FormField } from './form-model.js';
import type { Language } from './i18n.js';
import type { Messages } from './messages.js';

/** What the page's script reads at start: the form to build and the words to build it with. */
export interface PageConfig {
  language: Language;
  messages: Messages;
  fields: FormField[];
  /** Where a relative output folder lands: the folder the app was started in. */
  workingFolder: string;
}

/** Script-safe JSON: `</script>` or `<!--` inside a value cannot end the data block. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The app's one page. The form is built by its script from the config, so the page and the option table
 * cannot drift apart. Every URL in it is relative: the token at the front of the page's path carries over.
 */
export function renderPage(config: PageConfig): string {
  const { messages } = config;
  return `<!doctype html>
<html lang="${config.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(messages.title)}</title>
<link rel="stylesheet" href="app.css">
</head>
<body>
<header><h1>${escapeHtml(messages.title)}</h1><a id="language-switch" href="?lang=${config.language === 'ko' ? 'en' : 'ko'}">${escapeHtml(messages.language)}</a></header>
<p class="intro">${escapeHtml(messages.intro)}</p>
<form id="export-form" novalidate></form>
<section id="progress" hidden aria-live="polite"></section>
<script type="application/json" id="config">${jsonForScript(config)}</script>
<script src="app.js"></script>
</body>
</html>
`;
}
