// A post body is converted once with tokens where its asset and post-link URLs were; every target then
// fills them in with its own paths. Tokens have a scheme, so the converter leaves them as they are, and
// nothing a Markdown destination or an HTML attribute would escape.

const TOKEN = /tistory-export:(asset|link):(\d+)/g;

export type TokenKind = 'asset' | 'link';

export function assetToken(index: number): string {
  return `tistory-export:asset:${index}`;
}

export function linkToken(index: number): string {
  return `tistory-export:link:${index}`;
}

/** Replaces every token in `text` by what `fill` returns for it. */
export function fillTokens(text: string, fill: (kind: TokenKind, index: number) => string): string {
  return text.replace(TOKEN, (_, kind: TokenKind, index: string) => fill(kind, Number(index)));
}
