import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createCorpus } from '../../bench/corpus/pages.js';
import { toMarkdown } from '../../src/convert/index.js';
import { extractPost } from '../../src/extract/index.js';
import { fidelityInputs } from '../../scripts/fidelity/inputs.js';
import { measureFidelity, meetsTarget, precision, recall } from '../../scripts/fidelity/measure.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the fidelity measure', () => {
  const body =
    '<p>첫 문단 <b>굵게</b></p><p>둘째 문단</p><ul><li>하나</li></ul><p><img src="https://a.example/1.png"></p>';

  test('a faithful conversion scores full marks', () => {
    const fidelity = measureFidelity(body, toMarkdown(body));
    expect([recall(fidelity), precision(fidelity)]).toEqual([1, 1]);
    expect(fidelity.output).toEqual(fidelity.source);
  });

  test('a lost paragraph lowers recall, leaked chrome lowers precision, a lost image shows in the counts', () => {
    const lost = measureFidelity(body, '첫 문단 **굵게**\n\n- 하나\n\n![](https://a.example/1.png)');
    expect(lost.missing).toEqual(['둘째', '문단']);
    expect(recall(lost)).toBeCloseTo(4 / 6);
    const leaked = measureFidelity(body, `${toMarkdown(body)}\n\n공감 구독하기`);
    expect(leaked.extra).toEqual(['공감', '구독하기']);
    expect(meetsTarget(leaked)).toBe(false);
    const noImage = measureFidelity(body, toMarkdown(body).replace(/!\[\]\(.*\)/, ''));
    expect([noImage.source.images, noImage.output.images]).toEqual([1, 0]);
    expect(meetsTarget(noImage)).toBe(false);
  });

  test('words are split at block boundaries on both sides, so layout alone changes nothing', () => {
    const fidelity = measureFidelity(
      '<div>가<br>나</div><table><tr><td>다</td><td>라</td></tr></table>',
      '가\\\n나\n\n| 다 | 라 |\n| --- | --- |',
    );
    expect(fidelity.missing).toEqual([]);
    expect(fidelity.extra).toEqual([]);
  });
});

describe('every golden case, fixture-blog post and skin page meets the fidelity target', () => {
  const inputs = fidelityInputs(ROOT);

  test('there is something to measure', () => {
    expect(inputs.filter((input) => input.name.startsWith('case/')).length).toBeGreaterThanOrEqual(30);
    expect(inputs.filter((input) => input.name.startsWith('blog/')).length).toBeGreaterThanOrEqual(10);
  });

  test.each(inputs.map((input) => [input.name, input] as const))('%s', (_name, input) => {
    const fidelity = measureFidelity(input.bodyHtml, toMarkdown(input.bodyHtml, { baseUrl: input.baseUrl }));
    expect({ missing: fidelity.missing, extra: fidelity.extra, counts: fidelity.output }).toEqual({
      missing: [],
      extra: [],
      counts: fidelity.source,
    });
  });
});

describe('the generated corpus meets the fidelity target', () => {
  // The benchmark's pages: every editor block in random mixes and orders, inside every skin's chrome.
  // They find what hand-written cases miss (a `<del>` whose text began with a tilde opened a code fence).
  test('200 pages, extracted and converted', () => {
    const corpus = createCorpus({ size: 200, root: ROOT });
    const below: string[] = [];
    for (let index = 0; index < corpus.size; index++) {
      const { html, url } = corpus.page(index);
      const extraction = extractPost(html, url);
      if (extraction.status !== 'ok') {
        below.push(`${url}: ${extraction.status}`);
        continue;
      }
      const fidelity = measureFidelity(
        extraction.bodyHtml,
        toMarkdown(extraction.bodyHtml, { baseUrl: extraction.meta.url }),
      );
      if (!meetsTarget(fidelity))
        below.push(`${url}: missing ${fidelity.missing.join(' ')}; extra ${fidelity.extra.join(' ')}`);
    }
    expect(below).toEqual([]);
  }, 60_000);
});
