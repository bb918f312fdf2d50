// A linear pass over HTML source that finds its tags the way an HTML tokenizer does (quoted attribute
// values, comments, raw-text elements), without building a tree: what a parser would see, at a cost that
// does not grow with the nesting depth.

interface TagVisitor {
  /** Character data in `[from, to)`; one run of text may come in several pieces. */
  text(from: number, to: number): void;
  /** `<name …>`, `[from, to)` the whole tag; its attributes are the source from `attributesFrom` to the `>`. */
  startTag(name: string, from: number, to: number, attributesFrom: number, selfClosing: boolean): void;
  endTag(name: string, from: number, to: number): void;
  /** A comment, doctype or processing instruction: neither text nor an element. */
  markup(): void;
}

/** Elements whose content is text up to their own end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title']);

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;

export function scanTags(html: string, visitor: TagVisitor): void {
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) {
      visitor.text(at, html.length);
      return;
    }
    if (lt > at) visitor.text(at, lt);
    const next = html.charCodeAt(lt + 1);
    if (isLetter(next)) {
      const tag = readTag(html, lt + 1);
      if (!tag) return;
      visitor.startTag(tag.name, lt, tag.gt + 1, tag.nameEnd, tag.selfClosing);
      at = tag.gt + 1;
      if (tag.name === 'plaintext') {
        visitor.text(at, html.length);
        return;
      }
      if (RAW_TEXT.has(tag.name)) {
        const close = rawTextEnd(html, at, tag.name);
        if (close > at) visitor.text(at, close);
        at = close;
      }
    } else if (next === SLASH && isLetter(html.charCodeAt(lt + 2))) {
      const tag = readTag(html, lt + 2);
      if (!tag) return;
      visitor.endTag(tag.name, lt, tag.gt + 1);
      at = tag.gt + 1;
    } else if (next === BANG || next === QUESTION || next === SLASH) {
      at = markupEnd(html, lt);
      visitor.markup();
    } else {
      visitor.text(lt, lt + 1);
      at = lt + 1;
    }
  }
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

enum AttributeState {
  BeforeName,
  Name,
  AfterName,
  BeforeValue,
  Quoted,
  Unquoted,
}

/**
 * The tag whose name starts at `from`: its lower-cased name, where the name ends and the index of the
 * closing `>` (found past quoted values); null when the source ends inside the tag, which a parser drops.
 */
function readTag(
  html: string,
  from: number,
): { name: string; nameEnd: number; gt: number; selfClosing: boolean } | null {
  let index = from;
  while (index < html.length) {
    const code = html.charCodeAt(index);
    if (isSpace(code) || code === SLASH || code === GT) break;
    index++;
  }
  const name = html.slice(from, index).toLowerCase();
  const nameEnd = index;
  let state = AttributeState.BeforeName;
  let quote = 0;
  for (; index < html.length; index++) {
    const code = html.charCodeAt(index);
    switch (state) {
      case AttributeState.Quoted:
        if (code === quote) state = AttributeState.BeforeName;
        break;
      case AttributeState.Unquoted:
        if (code === GT) return { name, nameEnd, gt: index, selfClosing: false };
        if (isSpace(code)) state = AttributeState.BeforeName;
        break;
      case AttributeState.BeforeValue:
        if (code === GT) return { name, nameEnd, gt: index, selfClosing: false };
        if (code === 0x22 || code === 0x27) {
          quote = code;
          state = AttributeState.Quoted;
        } else if (!isSpace(code)) {
          state = AttributeState.Unquoted;
        }
        break;
      default:
        if (code === GT)
          return {
            name,
            nameEnd,
            gt: index,
            selfClosing: html.charCodeAt(index - 1) === SLASH && index - 1 >= nameEnd,
          };
        // `=` right where a name should start begins a name (`<p =x>`); after a name it begins the value.
        if (code === 0x3d && state !== AttributeState.BeforeName) state = AttributeState.BeforeValue;
        else if (isSpace(code)) state = state === AttributeState.Name ? AttributeState.AfterName : state;
        else if (code === SLASH) state = AttributeState.BeforeName;
        else if (state !== AttributeState.Name) state = AttributeState.Name;
    }
  }
  return null;
}

/** Where the raw text of `name` opened before `from` ends: at its end tag, or at the end of the source. */
function rawTextEnd(html: string, from: number, name: string): number {
  for (let index = html.indexOf('</', from); index >= 0; index = html.indexOf('</', index + 2)) {
    const after = html.charCodeAt(index + 2 + name.length);
    if (
      html.slice(index + 2, index + 2 + name.length).toLowerCase() === name &&
      (isSpace(after) || after === SLASH || after === GT)
    ) {
      return index;
    }
  }
  return html.length;
}

/** The end of a comment (`<!-- … -->`), doctype, processing instruction or malformed end tag starting at `lt`. */
function markupEnd(html: string, lt: number): number {
  if (html.startsWith('<!--', lt)) {
    // `<!-->` and `<!--->` are empty comments.
    if (html.charCodeAt(lt + 4) === GT) return lt + 5;
    if (html.startsWith('->', lt + 4)) return lt + 6;
    const close = html.indexOf('-->', lt + 4);
    return close < 0 ? html.length : close + 3;
  }
  const close = html.indexOf('>', lt + 2);
  return close < 0 ? html.length : close + 1;
}
