import { escapeHtml } from '../util/html-escape.js';

/** The opening of a report page, up to `<body>`: its language, content policy, title and inline style. */
export function documentHead(page: { lang: string; policy: string; title: string; style: string }): string {
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${page.policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style>
</head>
<body>`;
}
