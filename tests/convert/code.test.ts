import { describe, expect, test } from 'vitest';
import { toMarkdown } from '../../src/convert/index.js';

const block = (attributes: string, code: string) => toMarkdown(`<pre ${attributes}><code>${code}</code></pre>`);

describe('code blocks', () => {
  test('the fence is longer than any backtick run inside', () => {
    expect(block('', '```\nx\n```')).toBe('````\n```\nx\n```\n````');
    expect(block('', 'a ````` b')).toBe('``````\na ````` b\n``````');
    expect(block('', 'no ticks')).toBe('```\nno ticks\n```');
  });

  test('content is verbatim and decoded: no escaping, entities, br as newline, trailing spaces kept', () => {
    const code = '*a* _b_ [c](d) # e\n- f  \n&lt;g&gt; &amp;amp;<br>\\n';
    expect(block('', code)).toBe('```\n*a* _b_ [c](d) # e\n- f  \n<g> &amp;\n\\n\n```');
  });

  test('blank lines inside code are kept; only trailing newlines go', () => {
    expect(block('', '\n\na\n\n\n\nb\n\n')).toBe('```\n\n\na\n\n\n\nb\n```');
  });

  test('a blank first line of code is kept', () => {
    // HTML drops the one newline right after <pre>; the blank line after it is code.
    expect(toMarkdown('<pre>\n\nfirst</pre>')).toBe('```\n\nfirst\n```');
    expect(toMarkdown('<pre>\nfirst</pre>')).toBe('```\nfirst\n```');
  });

  test('the language comes from data-ke-language, language- classes, brush: or a bare class', () => {
    expect(block('class="swift" data-ke-language="Swift"', 'x')).toBe('```swift\nx\n```');
    expect(toMarkdown('<pre><code class="hljs language-python">x</code></pre>')).toBe('```python\nx\n```');
    expect(block('class="brush: js; toolbar: false"', 'x')).toBe('```js\nx\n```');
    expect(block('class="kotlin"', 'x')).toBe('```kotlin\nx\n```');
    expect(block('class="prettyprint linenums"', 'x')).toBe('```\nx\n```');
  });

  test('plain-text languages become a fence without a language', () => {
    expect(block('data-ke-language="plaintext"', 'x')).toBe('```\nx\n```');
    expect(block('class="text"', 'x')).toBe('```\nx\n```');
  });

  test('highlighter markup inside pre is dropped, its lines kept', () => {
    const html =
      '<pre class="python"><code><span class="hljs-keyword">if</span> a:<div>    pass</div><div>done</div></code></pre>';
    expect(toMarkdown(html)).toBe('```python\nif a:\n    pass\ndone\n```');
  });

  test('a code block in a list item is indented with the item', () => {
    expect(toMarkdown('<ol><li>실행<pre data-ke-language="bash"><code>ls\n\ncd ~</code></pre></li></ol>')).toBe(
      '1. 실행\n\n   ```bash\n   ls\n\n   cd ~\n   ```',
    );
  });
});

describe('inline code', () => {
  test('uses a delimiter longer than the backticks inside, with padding where needed', () => {
    expect(toMarkdown('<p><code>a`b</code></p>')).toBe('``a`b``');
    expect(toMarkdown('<p><code>`tick`</code></p>')).toBe('`` `tick` ``');
    expect(toMarkdown('<p><code>*not* _emphasis_ &lt;b&gt;</code></p>')).toBe('`*not* _emphasis_ <b>`');
  });
});
