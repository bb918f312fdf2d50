import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { selectAll } from '../../util/select.js';

const LISTS = new Set(['ul', 'ol']);

/**
 * The old editor put a sublist directly inside its list, after the item it belongs to
 * (`<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>`); browsers show b under a. The sublist is moved
 * into that item. One with no item before it has nothing to hang under: its items join the outer list.
 */
export function nestStrayLists($: CheerioAPI): void {
  // Document order, outer lists first: a sublist unwrapped here hands its own sublists to the outer list,
  // where they are met later with the item before them already in place.
  selectAll($, 'ul > ul, ul > ol, ol > ul, ol > ol').each((_, list) => {
    const item = $(list).prev();
    if (item.is('li')) {
      item.append(list);
      unwrapLoneParagraph($, item[0]!);
    } else {
      $(list).replaceWith($(list).contents());
    }
  });
}

/**
 * `<li><p>a</p><ul>…</ul></li>`: the paragraph would be set apart from the sublist by a blank line,
 * which makes the whole Markdown list loose. An item of one paragraph reads the same without it.
 */
function unwrapLoneParagraph($: CheerioAPI, item: Element): void {
  const children = $(item).children().toArray();
  const paragraphs = children.filter((child) => child.name === 'p');
  if (paragraphs.length !== 1 || children[0] !== paragraphs[0]) return;
  if (!children.slice(1).every((child) => LISTS.has(child.name))) return;
  const strayText = $(item)
    .contents()
    .toArray()
    .some((node) => node.type === 'text' && /\S/.test(node.data));
  if (!strayText) $(paragraphs[0]!).replaceWith($(paragraphs[0]!).contents());
}
