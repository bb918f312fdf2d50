/** Where an image's alt text can come from, as the page has it. */
export interface AltSources {
  /** The new editor's alt field, kept as `data-alt` on the span around the img. */
  dataAlt: string | null | undefined;
  /** The img's own `alt`. */
  alt: string | null | undefined;
  /** The caption of the figure that holds this image and no other. */
  caption: string | null | undefined;
  /** What the page calls the file (`filename`, `data-filename`), which is never alt text. */
  fileNames: ReadonlyArray<string | null | undefined>;
}

/** Extensions that make a text a file's name rather than a description of what it shows. */
const FILE_NAME = /^[^\n\\/:*?"<>|]{1,255}\.(?:jpe?g|jpe|jfif|png|apng|gif|webp|bmp|svg|avif|heic|heif|tiff?|ico)$/i;

/**
 * The one alt-text rule, for old and new editors alike (docs/conversion.md's "Alt text" says it
 * too): the first of the editor's alt field (`data-alt`), the img's `alt`, the caption of a figure
 * holding that image alone, skipping any that is a bare file name. Old editors wrote the uploaded file's
 * name into `alt` (`IMG_1234.JPG`, `실행화면.png`), which tells a reader of a screen nothing; no alt is
 * better than that. A caption stays the line under the image as well.
 */
export function imageAltText(sources: AltSources): string {
  const names = new Set(sources.fileNames.flatMap((name) => namesOf(name)));
  for (const candidate of [sources.dataAlt, sources.alt, sources.caption]) {
    const text = (candidate ?? '').replace(/\s+/g, ' ').trim();
    if (text && !isFileName(text, names)) return text;
  }
  return '';
}

function isFileName(text: string, names: ReadonlySet<string>): boolean {
  return FILE_NAME.test(text) || names.has(text.normalize('NFC').toLowerCase());
}

/** A file name and its stem: `IMG_1234.JPG` in `alt` is the file's name, and so is `IMG_1234`. */
function namesOf(name: string | null | undefined): string[] {
  const trimmed = (name ?? '').trim().normalize('NFC').toLowerCase();
  if (!trimmed) return [];
  const dot = trimmed.lastIndexOf('.');
  return dot > 0 ? [trimmed, trimmed.slice(0, dot)] : [trimmed];
}
