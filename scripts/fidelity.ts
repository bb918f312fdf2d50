// `npm run fidelity`: how faithfully every golden case, fixture-blog post and skin page converts. Each
// body's Markdown is rendered back to HTML (markdown-it) and compared with the source: word recall and
// precision, and counts of images, links, code blocks, table cells and list items. Exits 1 when any
// fixture misses the target (recall and precision ≥ 99.5 %, counts equal).
import { toMarkdown } from '../src/convert/index.js';
import { fidelityInputs } from './fidelity/inputs.js';
import { type Fidelity, measureFidelity, meetsTarget, precision, recall } from './fidelity/measure.js';
import { COUNT_NAMES, type Counts } from './fidelity/reader-view.js';

const rows = fidelityInputs(process.cwd()).map((input) => {
  const fidelity = measureFidelity(input.bodyHtml, toMarkdown(input.bodyHtml, { baseUrl: input.baseUrl }));
  return { name: input.name, fidelity };
});

const total = rows.reduce<Fidelity>(
  (sum, { fidelity }) => ({
    sourceWords: sum.sourceWords + fidelity.sourceWords,
    outputWords: sum.outputWords + fidelity.outputWords,
    sharedWords: sum.sharedWords + fidelity.sharedWords,
    source: addCounts(sum.source, fidelity.source),
    output: addCounts(sum.output, fidelity.output),
    missing: [...sum.missing, ...fidelity.missing],
    extra: [...sum.extra, ...fidelity.extra],
  }),
  {
    sourceWords: 0,
    outputWords: 0,
    sharedWords: 0,
    source: zeroCounts(),
    output: zeroCounts(),
    missing: [],
    extra: [],
  },
);

const header = ['fixture', 'words', 'recall', 'precision', 'images', 'links', 'code', 'cells', 'items', ''];
const table = [...rows, { name: 'TOTAL', fidelity: total }].map(({ name, fidelity }) => [
  name,
  String(fidelity.sourceWords),
  percent(recall(fidelity)),
  percent(precision(fidelity)),
  ...COUNT_NAMES.map((count) => `${fidelity.output[count]}/${fidelity.source[count]}`),
  meetsTarget(fidelity) ? 'ok' : 'BELOW TARGET',
]);
const widths = header.map((_, column) => Math.max(...[header, ...table].map((row) => row[column]!.length)));
for (const row of [header, ...table])
  console.log(
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );

const failing = rows.filter(({ fidelity }) => !meetsTarget(fidelity));
for (const { name, fidelity } of failing) {
  console.log(`\n${name}: missing [${fidelity.missing.join(' ')}] extra [${fidelity.extra.join(' ')}]`);
}
process.exitCode = failing.length > 0 ? 1 : 0;

function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

function zeroCounts(): Counts {
  return { images: 0, links: 0, codeBlocks: 0, tableCells: 0, listItems: 0 };
}

function addCounts(a: Counts, b: Counts): Counts {
  return {
    images: a.images + b.images,
    links: a.links + b.links,
    codeBlocks: a.codeBlocks + b.codeBlocks,
    tableCells: a.tableCells + b.tableCells,
    listItems: a.listItems + b.listItems,
  };
}
