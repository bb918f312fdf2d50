import type { DomElement } from './dom.js';

/** What the language is read from: attributes and classes, of turndown's DOM or any other. */
export type LanguageSource = Pick<DomElement, 'className' | 'getAttribute'>;

// Classes that name a highlighter or a feature, not a language.
const NOT_A_LANGUAGE = new Set([
  'hljs',
  'highlight',
  'prettyprint',
  'linenums',
  'line-numbers',
  'notranslate',
  'code',
  'codeblock',
  'source',
  'syntaxhighlighter',
  'colorscripter',
]);
// Names that mean "no highlighting": a fence without a language says the same.
const PLAIN_TEXT = new Set(['plaintext', 'plain', 'text', 'txt', 'none', 'nohighlight', 'no-highlight']);

/**
 * The language of a code block, from (in order) Tistory's `data-ke-language`, a `language-xxx` class on
 * the `<code>` or the `<pre>`, an old SyntaxHighlighter `brush: xxx` class, or a bare class on the
 * `<pre>` (`<pre class="swift">`). Lower-cased; empty when unknown or plain text.
 */
export function codeLanguage(pre: LanguageSource, code: LanguageSource | null): string {
  const candidates = [
    pre.getAttribute('data-ke-language'),
    prefixedClass(code?.className),
    prefixedClass(pre.className),
    /(?:^|\s)brush:\s*([\w#+-]+)/i.exec(pre.className)?.[1],
    bareClass(pre.className),
  ];
  const found = candidates.map((candidate) => normalise(candidate ?? '')).find((language) => language !== '');
  return found === undefined || PLAIN_TEXT.has(found) ? '' : found;
}

function prefixedClass(className: string | undefined): string | undefined {
  return /(?:^|\s)(?:language|lang)-(\S+)/.exec(className ?? '')?.[1];
}

function bareClass(className: string): string | undefined {
  return className
    .split(/\s+/)
    .find((name) => /^[a-z][\w#+-]*$/i.test(name) && !NOT_A_LANGUAGE.has(name.toLowerCase()));
}

/** An info string may not hold spaces or backticks. */
function normalise(language: string): string {
  return language.trim().toLowerCase().replace(/[\s`]/g, '');
}
