import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { loadFixtureBlog } from '../../demo/blog/fixture-data.js';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import type { Manifest } from '../../src/types.js';
import { captureIo } from '../helpers/capture-io.js';

// One post of the fixture blog gets what real pages hold and the fixture posts do not: a PNG the editor
// named `edited.jpeg`, a Kakao emoticon, and a signed URL whose signature has expired (the CDN says 403).
const POST_ID = '22';
const MARKDOWN = 'markdown/자주-쓰는-단축키-메모.md';
const EDITED = 'https://blog.kakaocdn.net/dn/bT7kLm/btsH3cV9Qw2/Xk4pR8sN2vB6mL1qW9eZ0a/img.png';
const EMOTICON = 'https://t1.daumcdn.net/keditor/emoticon/friends1/large/004.gif';
const EXPIRED_PATH =
  'blog.kakaocdn.net/dna/cX8yZ1/btsQ4rT6Yu8/AAAAAAAAAAAAAAAAAAAAAJ2k3L4m5N6o7P8q9R0s1T2u3V4w/img.jpg';
const EXPIRED = `https://${EXPIRED_PATH}?credential=Wq2Er4Ty6Ui8Op0As2Df4Gh6Jk8Lz0Xc&expires=1735657199&allow_ip=&allow_referer=&signature=T2xkU2lnbmF0dXJlRm9yVGVzdHM%3D`;

const ADDED_BODY = `
<p><figure class="imageblock alignCenter" data-ke-mobileStyle="widthOrigin" data-filename="edited.jpeg" data-origin-width="4" data-origin-height="3"><span data-url="${EDITED}" data-lightbox="lightbox" data-alt="단축키 설정 창"><img src="${EDITED}" loading="lazy" width="4" height="3"/></span></figure></p>
<figure data-ke-type="emoticon" data-ke-align="alignCenter" data-emoticon-type="friends1" data-emoticon-name="004" data-emoticon-isanimation="true" data-emoticon-src="${EMOTICON}"><img src="${EMOTICON}" width="150" /></figure>
<p><figure class="imageblock alignCenter" data-ke-mobileStyle="widthOrigin" data-filename="shortcut.jpg" data-origin-width="800" data-origin-height="600"><span data-phocus="${EXPIRED.replace(/&/g, '&amp;')}"><img src="${EXPIRED.replace(/&/g, '&amp;')}" loading="lazy" width="800" height="600"/></span></figure></p>
`;

describe('an export through the CLI: image types, emoticons and a failed signed URL', () => {
  let blog: FixtureBlog;
  let cdn: FixtureCdn;
  let outDir: string;
  let printed: string;
  let manifest: Manifest;

  beforeAll(async () => {
    const data = await loadFixtureBlog();
    const post = data.posts.find((candidate) => candidate.id === POST_ID)!;
    post.body += ADDED_BODY;
    blog = await startFixtureBlog({ failFirst: {}, blog: data });
    cdn = await startFixtureCdn({ failFirst: { [EXPIRED_PATH]: 403 } });
    outDir = await mkdtemp(join(tmpdir(), 'te-image-details-'));
    const { out, err, io } = captureIo();
    const code = await runCli([blog.url, '--out', outDir, '--rate', '0', '--asset-rate', '0'], io, {
      hostMap: cdn.hostMap,
    });
    expect(code).toBe(0);
    printed = [...out, ...err].join('');
    manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  });
  afterAll(() => Promise.all([blog.close(), cdn.close()]));

  const assetOf = (url: string) =>
    manifest.posts.find((post) => post.id === POST_ID)!.assets!.find((asset) => asset.url === url)!;
  const markdown = () => readFileSync(join(outDir, MARKDOWN), 'utf8');

  it('saves a PNG the editor named edited.jpeg as .png, keeping the name', () => {
    const edited = assetOf(EDITED);
    expect(edited.file).toMatch(/^assets\/edited-[0-9a-f]{8}\.png$/);
    expect(readFileSync(join(outDir, edited.file!)).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(markdown()).toContain(`![단축키 설정 창](../${edited.file})`);
  });

  it('downloads the emoticon and points the Markdown at the local copy', () => {
    const emoticon = assetOf(EMOTICON);
    expect(emoticon.file).toMatch(/^assets\/004-[0-9a-f]{8}\.gif$/);
    expect(readFileSync(join(outDir, emoticon.file!)).subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(markdown()).toContain(`![](../${emoticon.file})`);
    expect(markdown()).not.toContain('keditor/emoticon');
  });

  it('prints the failed signed download once, without its query; the manifest keeps the whole URL', () => {
    expect(printed.split(EXPIRED_PATH)).toHaveLength(2);
    expect(printed).toContain(`${POST_ID}\thttps://${EXPIRED_PATH}\tHTTP 403\n`);
    expect(printed).not.toMatch(/signature=|credential=|expires=/);
    expect(assetOf(EXPIRED)).toEqual({ url: EXPIRED, kind: 'image', error: 'HTTP 403' });
    expect(markdown()).toContain(`](${EXPIRED})`);
  });
});
