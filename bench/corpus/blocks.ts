// Every block Tistory's editors write, as the anatomy describes them (new editor 2019+, old editor
// before 2019), with varied content. Each generator returns the block's HTML as the editor stores it.

import { escapeHtml } from '../../src/util/html-escape.js';
import type { Random } from './random.js';
import { phrase, sentence } from './text.js';

export interface BlockContext {
  random: Random;
  /** Called for every image or file a block shows, so a caller can count (or forbid) them. */
  cdnUrl(name: string): string;
}

export type BlockGenerator = (context: BlockContext) => string;

const LANGUAGES = ['python', 'javascript', 'java', 'swift', 'bash', 'sql', 'cpp', 'plaintext', 'kotlin', 'go'];

function cdnPath(random: Random, name: string): string {
  return `https://blog.kakaocdn.net/dn/${random.token(6)}/${random.token(11)}/${random.token(22)}/${name}`;
}

/** The resizing proxy the editor puts in `srcset` (and og:image): the original is its `fname`. */
export function thumbnailOf(original: string, size = 'R1280x0'): string {
  return `https://img1.daumcdn.net/thumb/${size}/?scode=mtistory2&fname=${encodeURIComponent(original)}`;
}

function inlineText(context: BlockContext): string {
  const { random } = context;
  const parts: string[] = [];
  for (let index = random.int(1, 4); index > 0; index--) {
    const text = escapeHtml(sentence(random));
    const roll = random.next();
    if (roll < 0.08) parts.push(`<b>${escapeHtml(phrase(random))}</b> ${text}`);
    else if (roll < 0.14) parts.push(`<i>${escapeHtml(phrase(random))}</i> ${text}`);
    else if (roll < 0.18) parts.push(`<u>${escapeHtml(phrase(random))}</u> ${text}`);
    else if (roll < 0.21) parts.push(`<del>${escapeHtml(phrase(random))}</del> ${text}`);
    else if (roll < 0.28)
      parts.push(
        `${text} <code>${escapeHtml(random.pick(['pip install -r requirements.txt', 'os.path.join()', 'npm run build', 'a_b * c']))}</code>`,
      );
    else if (roll < 0.33) parts.push(`<span style="color: #ee2323;">${text}</span>`);
    else if (roll < 0.4)
      parts.push(
        `${text} <a href="https://docs.python.org/ko/3/library/${random.token(5)}.html" target="_blank" rel="noopener">${escapeHtml(phrase(random))}</a>`,
      );
    else if (roll < 0.43) parts.push(`${text} <a href="/${random.int(1, 900)}">이전 글</a>`);
    else parts.push(text);
  }
  return parts.join(' ');
}

export const paragraph: BlockGenerator = (context) =>
  context.random.chance(0.1)
    ? '<p data-ke-size="size16">&nbsp;</p>'
    : `<p data-ke-size="size16">${inlineText(context)}</p>`;

export const heading: BlockGenerator = ({ random }) => {
  const [tag, size] = random.pick([
    ['h2', 'size26'],
    ['h3', 'size23'],
    ['h4', 'size20'],
  ] as const);
  return `<${tag} data-ke-size="${size}">${escapeHtml(phrase(random, 2, 6))}</${tag}>`;
};

export const list: BlockGenerator = (context) => {
  const { random } = context;
  const ordered = random.chance(0.4);
  const items = Array.from({ length: random.int(2, 8) }, () => {
    const nested = random.chance(0.2)
      ? `<ul style="list-style-type: circle;" data-ke-list-type="circle"><li>${escapeHtml(sentence(random, 3, 8))}</li><li>${escapeHtml(sentence(random, 3, 8))}</li></ul>`
      : '';
    return `<li>${inlineText(context)}${nested}</li>`;
  }).join('');
  return ordered
    ? `<ol style="list-style-type: decimal;" start="${random.int(1, 5)}" data-ke-list-type="decimal">${items}</ol>`
    : `<ul style="list-style-type: disc;" data-ke-list-type="disc">${items}</ul>`;
};

export const image: BlockGenerator = (context) => {
  const { random } = context;
  const name = random.pick(['img.png', 'img.jpg', 'img.png']);
  const url = context.cdnUrl(name);
  const caption = random.chance(0.5) ? `<figcaption>${escapeHtml(phrase(random, 2, 6))}</figcaption>` : '';
  const file = escapeHtml(`${phrase(random, 1, 2).replace(/\s+/g, '_')}.${name.split('.')[1]}`);
  const figureOpen = `<figure class="imageblock alignCenter" data-ke-mobilestyle="widthOrigin" data-filename="${file}" data-origin-width="${random.int(400, 2400)}" data-origin-height="${random.int(300, 1800)}">`;
  // 2025+: data-phocus on the span, lazy loading, no lightbox.
  const span = random.chance(0.3)
    ? `<span data-phocus="${url}"><img src="${url}" srcset="${thumbnailOf(url)}" loading="lazy" width="${random.int(400, 860)}" data-filename="${file}" data-origin-width="1200" data-origin-height="800"/></span>`
    : `<span data-url="${url}" data-lightbox="lightbox" data-alt="${escapeHtml(phrase(random))}"><img src="${url}" srcset="${thumbnailOf(url)}" onerror="this.onerror=null; this.src='//t1.daumcdn.net/tistory_admin/static/images/no-image-v1.png'; this.srcset='//t1.daumcdn.net/tistory_admin/static/images/no-image-v1.png';" data-filename="${file}" data-origin-width="1200" data-origin-height="800"/></span>`;
  // Raw HTML wraps the figure in <p>, which parsers hoist out.
  return `<p>${figureOpen}${span}${caption}</figure></p>`;
};

export const imageGrid: BlockGenerator = (context) => {
  const spans = Array.from({ length: context.random.int(2, 3) }, () => {
    const url = context.cdnUrl('img.jpg');
    return `<span data-is-animation="false" data-origin-width="1000" data-origin-height="750" style="width: 49.4%; margin-right: 10px;"><img src="${url}" srcset="${thumbnailOf(url)}" data-origin-width="1000" data-origin-height="750"/></span>`;
  }).join('');
  return `<p><figure class="imagegridblock"><div class="image-container">${spans}</div><figcaption>${escapeHtml(phrase(context.random, 2, 5))}</figcaption></figure></p>`;
};

export const fileBlock: BlockGenerator = (context) => {
  const { random } = context;
  const extension = random.pick(['pdf', 'zip', 'xlsx']);
  const url = `${context.cdnUrl(`tfile.${extension}`)}?attach=1&amp;knm=tfile.${extension}`;
  return `<figure class="fileblock" data-ke-align="alignCenter"><a href="${url}" class=""><div class="image"></div><div class="desc"><div class="filename"><span class="name">${escapeHtml(phrase(random, 1, 3))}.${extension}</span></div><div class="size">${random.int(1, 900) / 100}MB</div></div></a></figure>`;
};

export const codeBlock: BlockGenerator = ({ random }) => {
  const language = random.pick(LANGUAGES);
  const lines = Array.from({ length: random.int(3, 40) }, (_, index) =>
    escapeHtml(
      random.pick([
        `def step_${index}(items):`,
        `    return [x * 2 for x in items if x % 2 == 0]  # 짝수만`,
        `const result = await fetch(\`/api/\${id}\`);`,
        `if (a < b && c > d) { console.log("비교"); }`,
        `SELECT * FROM posts WHERE title LIKE '%파이썬%';`,
        ``,
        `    print(f"{name}님 안녕하세요")`,
        `$ pip install -r requirements.txt`,
        `// TODO: 에러 처리 *나중에* 하기`,
        `#include <iostream>`,
      ]),
    ),
  );
  // Markdown-mode posts write <pre><code class="language-…">; the editor writes its own codeblock.
  return random.chance(0.25)
    ? `<pre><code class="language-${language}">${lines.join('\n')}</code></pre>`
    : `<pre id="code_${random.int(1e12, 2e12)}" class="${language}" data-ke-language="${language}" data-ke-type="codeblock"><code>${lines.join('\n')}</code></pre>`;
};

export const blockquote: BlockGenerator = (context) =>
  `<blockquote data-ke-style="style${context.random.int(1, 3)}">${inlineText(context)}</blockquote>`;

export const horizontalRule: BlockGenerator = ({ random }) =>
  `<hr contenteditable="false" data-ke-type="horizontalRule" data-ke-style="style${random.int(1, 8)}" />`;

export const table: BlockGenerator = ({ random }) => {
  const columns = random.int(2, 5);
  const rows = Array.from(
    { length: random.int(2, 12) },
    () =>
      `<tr>${Array.from({ length: columns }, () => `<td style="width: ${Math.floor(100 / columns)}%;">${escapeHtml(phrase(random, 1, 3))}</td>`).join('')}</tr>`,
  );
  // Usually without <thead>: the first row is the header in practice.
  return `<table style="border-collapse: collapse; width: 100%;" border="1" data-ke-align="alignLeft" data-ke-style="style${random.int(1, 12)}"><tbody>${rows.join('')}</tbody></table>`;
};

export const linkCard: BlockGenerator = ({ random }) => {
  const url = `https://developer.mozilla.org/ko/docs/Web/${random.token(8)}`;
  const title = escapeHtml(phrase(random, 2, 6));
  const description = escapeHtml(sentence(random, 4, 12));
  return `<figure id="og_${random.int(1e12, 2e12)}" contenteditable="false" data-ke-type="opengraph" data-ke-align="alignCenter" data-og-type="article" data-og-title="${title}" data-og-description="${description}" data-og-host="developer.mozilla.org" data-og-source-url="${url}" data-og-url="${url}" data-og-image=""><a href="${url}" target="_blank" rel="noopener" data-source-url="${url}"><div class="og-image">&nbsp;</div><div class="og-text"><p class="og-title" data-ke-size="size16">${title}</p><p class="og-desc" data-ke-size="size16">${description}</p><p class="og-host" data-ke-size="size16">developer.mozilla.org</p></div></a></figure>`;
};

export const video: BlockGenerator = ({ random }) => {
  const id = random.token(11);
  const title = escapeHtml(phrase(random, 2, 5));
  return `<figure data-ke-type="video" data-ke-style="alignCenter" data-video-host="youtube" data-video-url="https://www.youtube.com/watch?v=${id}" data-video-width="860" data-video-height="484" data-video-title="${title}" data-video-play-service="youtube_player"><iframe src="https://www.youtube.com/embed/${id}" width="860" height="484" frameborder="" allowfullscreen="true"></iframe><figcaption>${title}</figcaption></figure>`;
};

/** The 2023 variant: a thumbnail image and no iframe. */
export const videoThumbnail: BlockGenerator = (context) => {
  const thumbnail = context.cdnUrl('img.jpg');
  return `<figure data-ke-type="video" data-ke-style="alignCenter" data-video-host="kakaotv" data-video-url="https://tv.kakao.com/v/${context.random.int(1e8, 9e8)}" data-video-thumbnail="${thumbnail}" data-video-title="${escapeHtml(phrase(context.random, 2, 4))}"><img src="${thumbnail}" alt="" /></figure>`;
};

export const uploadedVideo: BlockGenerator = (context) =>
  `<figure data-ke-type="video" data-ke-style="alignCenter"><video src="${context.cdnUrl('video.mp4')}?attach=1&amp;knm=tfile.mp4" controls="controls" width="860"></video></figure>`;

export const moreLess: BlockGenerator = (context) =>
  `<div data-ke-type="moreLess" data-text-more="더보기" data-text-less="닫기"><a class="btn-toggle-moreless">더보기</a><div class="moreless-content">${paragraph(context)}${paragraph(context)}</div></div>`;

export const emoticon: BlockGenerator = ({ random }) =>
  `<figure data-ke-type="emoticon" data-ke-align="alignCenter" data-emoticon-type="friends1" data-emoticon-name="00${random.int(1, 9)}" data-emoticon-isanimation="false" data-emoticon-src="https://t1.daumcdn.net/keditor/emoticon/friends1/large/00${random.int(1, 9)}.gif"><img src="https://t1.daumcdn.net/keditor/emoticon/friends1/large/00${random.int(1, 9)}.gif" width="150" /></figure>`;

export const map: BlockGenerator = ({ random }) =>
  `<iframe data-ke-type="map" src="https://map.kakao.com/?map_type=TYPE_MAP&amp;itemId=${random.int(1e7, 9e7)}" width="860" height="400" frameborder="0"></iframe>`;

export const htmlBlock: BlockGenerator = (context) =>
  `<div data-ke-type="html"><div style="padding: 8px; border: 1px solid #ddd;"><p>${inlineText(context)}</p></div></div>`;

export const math: BlockGenerator = ({ random }) =>
  random.chance(0.5)
    ? `<p data-ke-size="size16">이차방정식의 근은 $x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}$ 이고, 평균은 $\\bar{x}_n$ 입니다.</p>`
    : `<p data-ke-size="size16">$$\\sum_{i=1}^{n} a_i^2 = \\int_0^1 f(x)\\,dx$$</p>`;

/** An ad unit an author pasted into the post, wrapped in a <center> with its push script. */
export const pastedAd: BlockGenerator = () =>
  `<center><p>반응형</p><ins class="adsbygoogle" style="display: block;" data-ad-client="ca-pub-0000000000000000" data-ad-slot="1234567890" data-ad-format="auto"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({});</script></center>`;

// Old editor (before 2019).

export const oldParagraph: BlockGenerator = (context) => {
  const { random } = context;
  const text = escapeHtml(sentence(random));
  const roll = random.next();
  if (roll < 0.2)
    return `<p style="margin: 0px;"><font color="#0000ff">${text}</font><br /><br />${escapeHtml(sentence(random))}</p>`;
  if (roll < 0.35) return `<p style="margin: 0px;"><span style="FONT-SIZE: 12pt; FONT-WEIGHT: bold">${text}</span></p>`;
  return `<p style="margin: 0px;">${text}<br />${escapeHtml(sentence(random))}</p>`;
};

export const oldImage: BlockGenerator = (context) => {
  const hex = Array.from({ length: 18 }, () => '0123456789ABCDEF'[context.random.int(0, 15)]).join('');
  return `<p style="margin: 0px;"><span class="imageblock" style="display: inline-block; width: 600px; height: auto; max-width: 100%;"><img src="https://t1.daumcdn.net/cfile/tistory/${hex}" style="cursor: pointer; max-width: 100%; height: auto;" width="600" filename="실행화면.png" filemime="image/jpeg" /></span></p>`;
};

export const oldImageCode: BlockGenerator = ({ random }) =>
  `<p>[##_Image|kage@${random.token(6)}/${random.token(11)}/${random.token(22)}/img.png|alignCenter|data-origin-width="800" data-origin-height="600"|${escapeHtml(phrase(random, 1, 3))}_##]</p>`;

export const oldMoreLessCode: BlockGenerator = (context) =>
  `<p>[#M_더보기|접기|${oldParagraph(context)}${oldParagraph(context)}_M#]</p>`;

/** New-editor blocks with how often each appears; paragraphs dominate, as in real posts. */
export const NEW_EDITOR_BLOCKS: ReadonlyArray<readonly [BlockGenerator, number]> = [
  [paragraph, 40],
  [heading, 6],
  [list, 6],
  [image, 6],
  [imageGrid, 1],
  [fileBlock, 1],
  [codeBlock, 6],
  [blockquote, 2],
  [horizontalRule, 1],
  [table, 3],
  [linkCard, 1],
  [video, 1],
  [videoThumbnail, 1],
  [uploadedVideo, 0.5],
  [moreLess, 1],
  [emoticon, 1],
  [map, 0.5],
  [htmlBlock, 1],
  [math, 1],
  [pastedAd, 0.5],
];

export const OLD_EDITOR_BLOCKS: ReadonlyArray<readonly [BlockGenerator, number]> = [
  [oldParagraph, 40],
  [oldImage, 5],
  [oldImageCode, 2],
  [oldMoreLessCode, 1],
  [table, 2],
  [codeBlock, 2],
];

/** Blocks that show no file from Tistory's CDN: what a crawl post is made of besides its own images. */
export const TEXT_ONLY_BLOCKS: ReadonlyArray<readonly [BlockGenerator, number]> = NEW_EDITOR_BLOCKS.filter(
  ([block]) => ![image, imageGrid, fileBlock, videoThumbnail, uploadedVideo, emoticon].includes(block),
);

export function pickWeighted(random: Random, blocks: ReadonlyArray<readonly [BlockGenerator, number]>): BlockGenerator {
  const total = blocks.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [block, weight] of blocks) {
    roll -= weight;
    if (roll < 0) return block;
  }
  return blocks[blocks.length - 1]![0];
}

export { cdnPath };
