import MarkdownIt from 'markdown-it';

/**
 * CommonMark with GFM tables and strikethrough, as static-site generators read the exported Markdown;
 * raw HTML passes through (the converter keeps what Markdown cannot say as HTML), and is sanitised after.
 */
const markdownIt = new MarkdownIt({ html: true, linkify: false });

export function renderMarkdown(markdown: string): string {
  return markdownIt.render(markdown);
}
