// The pipeline writes links as Markdown `[text](destination)`; Obsidian links notes as `[[note|text]]`.
// The target hands the pipeline a marker destination, then turns every marked link into a wikilink here.

const MARKER = 'tistory-export-note:';

/** The destination a post link is rendered with, so `toWikilinks` can find it afterwards. */
export function noteMarker(note: string): string {
  return `${MARKER}${encodeURIComponent(note)}`;
}

// `[text](marker#fragment)`: text and fragment may hold backslash escapes (`\]`, `\)`); an image
// inside the text (`[![alt](src)](marker)`) is matched too, and stays a Markdown link.
const MARKED_LINK = new RegExp(
  String.raw`(!?)\[((?:\\.|!\[(?:\\.|[^\]\\])*\]\([^)]*\)|[^\]\\])*)\]\(${MARKER}([^)#\s]*)((?:#(?:\\.|[^)\\\s])*)?)\)`,
  'g',
);
const BARE_MARKER = new RegExp(`${MARKER}([^)#\\s"'<>]*)`, 'g');

const unescapeMarkdown = (text: string) => text.replace(/\\(.)/g, '$1');
const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * `[글 제목](marker)` → `[[note|글 제목]]`. A link whose text Obsidian cannot hold in a wikilink (an
 * image, `|`, `]]`) becomes a Markdown link to `note.md`, which Obsidian resolves as well; so does a
 * marker left in raw HTML.
 */
export function toWikilinks(markdown: string): string {
  return markdown
    .replace(MARKED_LINK, (_whole, bang: string, text: string, encodedNote: string, fragment: string) => {
      const note = decode(encodedNote);
      const heading = decode(unescapeMarkdown(fragment));
      const label = unescapeMarkdown(text).trim();
      if (bang || /!\[|\||\]\]|\[\[|\n/.test(label) || /[|\][]/.test(heading)) {
        return `${bang}[${text}](${encodeURIComponent(note)}.md${fragment})`;
      }
      return label && label !== note ? `[[${note}${heading}|${label}]]` : `[[${note}${heading}]]`;
    })
    .replace(BARE_MARKER, (_, encodedNote: string) => `${encodedNote}.md`);
}
