/** `name.tistory.com` as typed by a user means `https://name.tistory.com`; a given scheme is kept. */
export function withDefaultScheme(address: string): string {
  const trimmed = address.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}
