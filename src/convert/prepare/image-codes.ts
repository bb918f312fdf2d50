/** One image named by an old substitution code. */
export interface CodeImage {
  url: string;
  alt: string;
  caption: string;
}

// `[##_Image|kage@a/b/c/img.png|alignCenter|…_##]` (2018 editor), `[##_ImageGrid|…_##]`, and the older
// `[##_1C|cfile7.uf@HEX.jpg|width="…" filename="…"|caption_##]` (1/2/3 images, Left/Center/Right).
export const IMAGE_CODE = /\[##_(Image|ImageGrid|ImageSlide|[1-3][CLR])\|([\s\S]*?)_##\]/g;

const KAGE = /^kage@(\S+)$/;
const CFILE = /^(cfile\d*)\.uf@([0-9A-Fa-f]+)(?:\.\w+)?$/;
const ATTRIBUTE = /([\w-]+)="([^"]*)"/g;
// Fields that configure the block rather than describe the image.
const SETTING = /^(?:align\w*|CDM|width\w*|\d+(?:\.\d+)*|\{[\s\S]*\}|.*\w+="[^"]*".*)$/;

/** The images a code stands for; none when it names no image this tool can locate. */
export function parseImageCode(kind: string, body: string): CodeImage[] {
  const fields = body.split('|');
  return /^[1-3]/.test(kind) ? parseOldCode(fields) : parseKageCode(fields);
}

/** `kage@…` fields are images; a trailing plain field is the caption, JSON may carry one too. */
function parseKageCode(fields: string[]): CodeImage[] {
  const images: CodeImage[] = [];
  let caption = '';
  for (const raw of fields) {
    const field = raw.trim().replace(/^,/, '');
    const kage = KAGE.exec(field);
    if (kage) images.push({ url: `https://blog.kakaocdn.net/dn/${kage[1]}`, alt: '', caption: '' });
    else if (field.startsWith('{')) {
      const settings = parseJson(field);
      const last = images[images.length - 1];
      if (last && typeof settings.filename === 'string') last.alt = settings.filename;
      if (typeof settings.caption === 'string') caption = settings.caption;
    } else if (field && !SETTING.test(field)) caption = field;
  }
  const last = images[images.length - 1];
  if (last) last.caption = caption.trim();
  return images;
}

/** Groups of three fields: file, attributes, caption. */
function parseOldCode(fields: string[]): CodeImage[] {
  const images: CodeImage[] = [];
  for (let at = 0; at + 1 < fields.length; at += 3) {
    const file = fields[at]!.trim();
    const attributes = Object.fromEntries(
      Array.from(fields[at + 1]!.matchAll(ATTRIBUTE), (match) => [match[1]!, match[2]!]),
    );
    const url = oldFileUrl(file);
    if (!url) continue;
    images.push({ url, alt: attributes.alt || attributes.filename || '', caption: (fields[at + 2] ?? '').trim() });
  }
  return images;
}

/** `cfile7.uf@HEX.jpg` is served at `cfile7.uf.tistory.com/image/HEX`; a bare name is a blog attachment. */
function oldFileUrl(file: string): string {
  const cfile = CFILE.exec(file);
  if (cfile) return `https://${cfile[1]}.uf.tistory.com/image/${cfile[2]}`;
  return /^[\w.-]+\.\w+$/.test(file) ? `/attachment/${file}` : '';
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
