/**
 * A TOML basic string. JSON's escapes (`\"`, `\\`, `\n`, `\uXXXX`) are TOML's too; lone surrogates are
 * dropped because TOML cannot spell them at all.
 */
export function tomlString(text: string): string {
  return JSON.stringify(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ''));
}
