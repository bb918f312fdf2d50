import { describe, expect, it } from 'vitest';
import { obsidianTags } from '../../src/targets/obsidian.js';
import { noteMarker, toWikilinks } from '../../src/targets/wikilinks.js';
import { markdownDestination } from '../../src/convert/url.js';

const link = (text: string, note: string, fragment = '') =>
  `[${text}](${markdownDestination(`${noteMarker(note)}${fragment}`)})`;

describe('toWikilinks', () => {
  it('turns a marked link into [[note|text]], keeping a heading fragment', () => {
    expect(toWikilinks(`앞 ${link('지난 글', 'python-가상환경')} 뒤`)).toBe('앞 [[python-가상환경|지난 글]] 뒤');
    expect(toWikilinks(link('설치 (1)', '글', '#설치'))).toBe('[[글#설치|설치 (1)]]');
    expect(toWikilinks(link('글', '글'))).toBe('[[글]]');
    expect(toWikilinks(link('a \\[b\\] \\*c\\*', '글'))).toBe('[[글|a [b] *c*]]');
  });

  it('keeps a Markdown link to note.md where a wikilink cannot hold the text', () => {
    expect(toWikilinks(link('a | b', '글'))).toBe('[a | b](%EA%B8%80.md)');
    expect(toWikilinks(`[![표지](attachments/x.png)](${noteMarker('글')})`)).toBe(
      '[![표지](attachments/x.png)](%EA%B8%80.md)',
    );
    expect(toWikilinks(`<a href="${noteMarker('글')}#x">글</a>`)).toBe('<a href="%EA%B8%80.md#x">글</a>');
  });

  it('leaves other links alone', () => {
    const text = '[외부](https://example.com/a_(b)) and ![그림](attachments/a.png)';
    expect(toWikilinks(text)).toBe(text);
  });
});

describe('obsidianTags', () => {
  it('makes tags Obsidian accepts: no spaces, no punctuation, not only digits, no duplicates', () => {
    expect(obsidianTags(['맛집 탐방', 'c++', 'C#', '2023', 'node.js', '맛집  탐방', '!!!'])).toEqual([
      '맛집_탐방',
      'cplusplus',
      'Csharp',
      '_2023',
      'node-js',
    ]);
  });
});
