// A realistic "데이터 백업" built in the test suite, from the anatomy: one folder per post holding
// `{postId}.html` (or `{slug}.html`) in the Book Club-like skeleton and an `img/` folder.

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yazl from 'yazl';

export interface BackupFileSpec {
  path: string;
  body: Buffer;
}

/** Enough of a PNG / JPEG for anything that sniffs the type; `seed` makes each file's bytes distinct. */
export function pngBytes(seed: string): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR${seed}`)]);
}

export function jpegBytes(seed: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`JFIF${seed}`), Buffer.from([0xff, 0xd9])]);
}

interface PageSpec {
  title: string;
  category: string;
  date: string;
  /** Inner HTML of `.contents_style`. */
  body: string;
  /** Inner HTML of `div.tags`; absent: no tag box at all. */
  tags?: string;
  /** Old-editor posts carry `contents_style` alone. */
  oldEditor?: boolean;
}

export function backupPage(spec: PageSpec): string {
  const contentsClass = spec.oldEditor ? 'contents_style' : 'tt_article_useless_p_margin contents_style';
  return `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${spec.title}</title>
<link rel="stylesheet" href="./style.css">
</head>
<body>
<div id="content">
  <div class="hgroup">
    <h2 class="title-article">${spec.title}</h2>
    <p class="category">${spec.category}</p>
    <p class="date">${spec.date}</p>
  </div>
  <div class="article-view">
    <div class="${contentsClass}">
${spec.body}
    </div>
  </div>
${spec.tags === undefined ? '' : `  <div class="tags">\n    ${spec.tags}\n  </div>\n`}</div>
</body>
</html>
`;
}

/** Post 42: old editor, image with an extensionless cfile-style name kept as the file's name. */
const OLD_EDITOR_POST = backupPage({
  oldEditor: true,
  title: '제주도 여행 첫째 날',
  category: '일상/여행',
  date: '2012-08-15 09:05:00',
  tags: '#제주도 #여행',
  body: `<p style="margin: 0px;">아침 일찍 김포공항에서 출발했다.<br />날씨가 맑았다.</p>
<p style="margin: 0px;"><span class="imageblock" style="display:inline-block;width:500px;height:auto;max-width:100%"><img src="./img/2012081500001.jpg" filename="성산일출봉.jpg" filemime="image/jpeg" style="max-width:100%;height:auto" /></span></p>
<p style="margin: 0px;"><font color="#8c8c8c">성산일출봉에서 본 바다</font></p>`,
});

/** Post 101: new editor, Hangul image name, nested category, pasted ad, hashtag-style tags. */
const VENV_POST = backupPage({
  title: 'Python 가상환경: venv 사용법',
  category: '개발/Python',
  date: '2025-06-02 16:27:20',
  tags: '#파이썬 #venv #가상환경',
  body: `<p data-ke-size="size16">프로젝트마다 패키지 버전이 달라서 가상환경을 만든다.</p>
<h3 data-ke-size="size23">만들기</h3>
<pre id="code_1748848040001" class="bash" data-ke-language="bash" data-ke-type="codeblock"><code>python -m venv .venv
source .venv/bin/activate</code></pre>
<center><div class="revenue_unit_wrap"><ins class="kakao_ad_area" data-ad-unit="DAN-abc"></ins></div><script>(adsbygoogle = window.adsbygoogle || []).push({});</script></center>
<p><figure class="imageblock alignCenter" data-ke-mobileStyle="widthOrigin" data-filename="venv 실행화면.png" data-origin-width="800" data-origin-height="450"><span data-url="./img/venv 실행화면.png" data-lightbox="lightbox" data-alt="venv 실행 결과"><img src="./img/venv 실행화면.png" srcset="./img/venv 실행화면.png 800w" data-filename="venv 실행화면.png" loading="lazy" /></span><figcaption>venv 실행 결과</figcaption></figure></p>
<p data-ke-size="size16">끝나면 <code>deactivate</code>로 빠져나온다.</p>`,
});

/** Post 205: slug-named file, three-level category, tags as links, percent-encoded image reference. */
const POINTER_POST = backupPage({
  title: 'C++: 포인터 "정복" #1',
  category: '개발/C++/기초',
  date: '2022-12-20 12:04:47',
  tags: '<a href="/tag/c%2B%2B" rel="tag">c++</a>, <a href="/tag/%ED%8F%AC%EC%9D%B8%ED%84%B0" rel="tag">포인터</a>',
  body: `<p data-ke-size="size16">포인터는 주소를 담는 변수다.</p>
<p><figure class="imageblock alignCenter" data-filename="메모리.jpg"><span data-url="./img/%EB%A9%94%EB%AA%A8%EB%A6%AC.jpg" data-lightbox="lightbox"><img src="./img/%EB%A9%94%EB%AA%A8%EB%A6%AC.jpg" /></span></figure></p>
<pre class="cpp" data-ke-language="cpp" data-ke-type="codeblock"><code>int* p = &amp;x;</code></pre>
<p data-ke-size="size16"><a href="https://example.com/c++" target="_blank">참고 자료</a></p>`,
});

/** Post 317: no category, no tag box, an image grid, one image the backup lacks, one the body never shows. */
const GRID_POST = backupPage({
  title: '분류 없는 사진 모음',
  category: '분류없음',
  date: '2024-01-09 00:30:05',
  body: `<p data-ke-size="size16">사진 두 장과 빠진 한 장.</p>
<figure class="imagegridblock"><div class="image-container"><span><img src="./img/grid-1.png" /></span><span><img src="./img/grid-2.png" /></span></div><figcaption>두 장</figcaption></figure>
<p><figure class="imageblock alignCenter"><span data-url="./img/없는파일.png"><img src="./img/없는파일.png" /></span></figure></p>`,
});

export const BACKUP_ROOT = 'myblog-backup';

/**
 * Post 88: an image the backup lacks, shown twice with its alt (the second time inside a lightbox that
 * names it again), a file it lacks and one it has, both linked by name.
 */
const MISSING_FILES_POST = backupPage({
  title: '바닷가 산책',
  category: '일상',
  date: '2023-07-30 18:10:00',
  tags: '#바다',
  body: `<p data-ke-size="size16">해 질 녘 바닷가를 걸었다.</p>
<p><img src="./img/photo.jpg" alt="노을 진 바닷가" /></p>
<p data-ke-size="size16">같은 사진을 크게 한 번 더.</p>
<p><figure class="imageblock alignCenter" data-ke-mobileStyle="widthOrigin" data-filename="photo.jpg" data-origin-width="1200" data-origin-height="800"><span data-url="./img/photo.jpg" data-lightbox="lightbox" data-alt="노을 진 바닷가"><img src="./img/photo.jpg" srcset="./img/photo.jpg 1200w" alt="노을 진 바닷가" data-filename="photo.jpg" loading="lazy" /></span><figcaption>노을</figcaption></figure></p>
<p data-ke-size="size16">길은 <a href="./img/%EC%82%B0%EC%B1%85%EC%A7%80%EB%8F%84.pdf">산책 지도</a>에, 요금은 <a href="./img/입장권.pdf">입장권 안내</a>에 있다.</p>`,
});

/** Post 88's folder: its page and the one file of its `img/` the backup kept. Add to `backupFiles()`. */
export function missingFilesPostFiles(): BackupFileSpec[] {
  return [
    { path: `${BACKUP_ROOT}/88/88.html`, body: Buffer.from(MISSING_FILES_POST) },
    { path: `${BACKUP_ROOT}/88/img/입장권.pdf`, body: Buffer.from('%PDF-1.4\n%입장권\n%%EOF\n') },
  ];
}

/** The files of the fixture backup, under one top folder as a downloaded backup unpacks. */
export function backupFiles(): BackupFileSpec[] {
  const files: Array<[string, string | Buffer]> = [
    ['101/101.html', VENV_POST],
    ['101/img/venv 실행화면.png', pngBytes('venv')],
    ['205/C++-포인터-정복-1.html', POINTER_POST],
    ['205/img/메모리.jpg', jpegBytes('memory')],
    ['317/317.html', GRID_POST],
    ['317/img/grid-1.png', pngBytes('grid-1')],
    ['317/img/grid-2.png', pngBytes('grid-2')],
    ['317/img/unused.png', pngBytes('unused')],
    ['42/42.html', OLD_EDITOR_POST],
    ['42/img/2012081500001.jpg', jpegBytes('jeju')],
    ['style.css', Buffer.from('body { margin: 0 }')],
  ];
  return files.map(([path, body]) => ({
    path: `${BACKUP_ROOT}/${path}`,
    body: typeof body === 'string' ? Buffer.from(body) : body,
  }));
}

export async function tempFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tistory-backup-'));
}

/** Zips the files (deflated, as the real backup is) into a Buffer with yazl. */
export async function zipBuffer(files: readonly BackupFileSpec[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files)
    zip.addBuffer(file.body, file.path, { compress: true, mtime: new Date('2025-06-03T00:00:00Z') });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function writeZip(folder: string, name: string, files: readonly BackupFileSpec[]): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, await zipBuffer(files));
  return path;
}

export async function writeFolder(folder: string, files: readonly BackupFileSpec[]): Promise<string> {
  for (const file of files) {
    const path = join(folder, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.body);
  }
  return folder;
}

/**
 * Renames entries of a built zip in place, byte for byte, in the local headers and the central
 * directory: yazl (rightly) refuses to write `../` names and always flags names as UTF-8, and the
 * tests need zips that do neither. `placeholder` is a whole entry name; the replacement keeps its byte length.
 */
export function renameEntries(
  zip: Buffer,
  placeholder: string,
  replacement: Buffer,
  options: { clearUtf8Flag?: boolean } = {},
): Buffer {
  const from = Buffer.from(placeholder);
  if (from.length !== replacement.length) throw new Error('replacement must keep the name length');
  const out = Buffer.from(zip);
  for (let at = out.indexOf(from); at >= 0; at = out.indexOf(from, at + 1)) {
    replacement.copy(out, at);
    if (!options.clearUtf8Flag) continue;
    // The flag sits 24 bytes before a local header's name (offset 6 of 30) and 38 before a central record's (8 of 46).
    const flagAt =
      out.readUInt32LE(at - 30) === 0x04034b50
        ? at - 24
        : at >= 46 && out.readUInt32LE(at - 46) === 0x02014b50
          ? at - 38
          : -1;
    if (flagAt >= 0) out.writeUInt16LE(out.readUInt16LE(flagAt) & ~0x0800, flagAt);
  }
  return out;
}
