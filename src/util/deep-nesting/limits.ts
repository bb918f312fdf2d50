/**
 * How deep a page may nest before it is flattened. Turndown, domino's serialiser and cheerio's `.text()`,
 * `.html()` and `.clone()` recurse once per level and overflow Node's stack near 1 800 levels; parse5 spends
 * time in proportion to the depth on every block it opens. Real posts nest a few dozen levels, pasted
 * old-editor text a few hundred at most: flattening starts well above the first and well below the limit.
 */
export const MAX_NESTING = 256;
