/** `decodeURIComponent`, or the text unchanged when it is not valid percent-encoded UTF-8 (old EUC-KR links). */
export function decodeUriComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
