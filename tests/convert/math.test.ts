import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';
import { splitMath } from '../../src/convert/math.js';

const maths = (text: string) =>
  splitMath(text)
    .filter((piece) => piece.math)
    .map((piece) => piece.text);

describe('splitMath', () => {
  test('finds inline and display math', () => {
    expect(maths('a $x_1$ b $$\\{y\\}$$ c')).toEqual(['$x_1$', '$$\\{y\\}$$']);
    expect(
      splitMath('a $x$ b')
        .map((piece) => piece.text)
        .join(''),
    ).toBe('a $x$ b');
  });

  test('leaves prices and escaped dollars alone', () => {
    expect(maths('가격은 $5 이고 $10 까지')).toEqual([]);
    expect(maths('$5,$10')).toEqual([]);
    expect(maths('\\$x\\$')).toEqual([]);
    expect(maths('$ x $')).toEqual([]);
  });
});

describe('math in posts', () => {
  test('is kept byte for byte where escaping would otherwise add backslashes', () => {
    const tex = '$a_{i}^* = [b] \\\\ \\{c\\} `d` <e> &amp;$';
    expect(toMarkdown(`<p>식 ${tex.replace(/&amp;/, '&amp;amp;').replace('<e>', '&lt;e&gt;')} 끝</p>`)).toBe(
      `식 ${tex} 끝`,
    );
  });

  test('display math over several lines is one block with its line breaks', () => {
    expect(toMarkdown('<p>$$<br>x \\\\<br>y_1<br>$$</p>')).toBe('$$\nx \\\\\ny_1\n$$');
  });

  test('a display-math run broken by markup is left to ordinary conversion', () => {
    expect(toMarkdown('<p>$$<br><b>x</b><br>$$</p>')).toBe('$$\\\n**x**\\\n$$');
  });

  test('math-like text inside code is code', () => {
    expect(toMarkdown('<p><code>$a_1$</code></p><pre><code>$$x$$</code></pre>')).toBe('`$a_1$`\n\n```\n$$x$$\n```');
  });
});
