// `--cookie`: the owner's session reaches the blog's pages (so protected posts export in full), never
// the image CDN, and never any file of the output.

import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { startFixtureBlog, type FixtureBlog } from '../../demo/blog/fixture-blog.js';
import { startFixtureCdn, type FixtureCdn } from '../../demo/blog/fixture-cdn.js';
import type { Manifest } from '../../src/types.js';

const SESSION = 'TSSESSION=owner-session-3f9a1c';
const PROTECTED_ID = '33';

let blog: FixtureBlog;
let cdn: FixtureCdn;

beforeAll(async () => {
  blog = await startFixtureBlog({ failFirst: {}, ownerCookie: SESSION });
  cdn = await startFixtureCdn();
});

afterAll(async () => {
  await blog.close();
  await cdn.close();
});

function io() {
  let err = '';
  let out = '';
  return {
    streams: {
      stdout: {
        write: (chunk: string) => {
          out += chunk;
          return true;
        },
        isTTY: false,
      },
      stderr: {
        write: (chunk: string) => {
          err += chunk;
          return true;
        },
        isTTY: false,
      },
    },
    text: () => out + err,
  };
}

async function allText(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(join(entry.parentPath, entry.name)).then((body) => body.toString('latin1'))),
  );
  return texts.join('\n');
}

describe('--cookie', () => {
  it('exports a protected post in full with the session, sends it to the blog host only and writes it nowhere', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tistory-cookie-'));
    const run = io();
    const code = await runCli(
      [blog.url, '-o', out, '--rate', '0', '-f', 'markdown,jsonl,wxr', '--cookie', `Cookie: ${SESSION}; other=1`],
      run.streams,
      {
        hostMap: cdn.hostMap,
      },
    );
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    const post = manifest.posts.find((entry) => entry.id === PROTECTED_ID)!;
    expect(post.status).toBe('ok');
    expect(blog.cookies.length).toBeGreaterThan(0);
    expect(blog.cookies.every((cookie) => cookie === `${SESSION}; other=1`)).toBe(true);
    expect(cdn.requests.length).toBeGreaterThan(0);
    expect(cdn.cookieRequests()).toBe(0);
    expect(await allText(out)).not.toContain('owner-session');
    expect(run.text()).not.toContain('owner-session');
  });

  it('reads a cookies.txt file, keeping only the cookies for the blog host', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tistory-cookie-file-'));
    const host = new URL(blog.url).hostname;
    const file = join(folder, 'cookies.txt');
    const far = Math.floor(Date.now() / 1000) + 86_400;
    const [name, value] = SESSION.split('=') as [string, string];
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(
        file,
        [
          '# Netscape HTTP Cookie File',
          `#HttpOnly_${host}\tFALSE\t/\tFALSE\t${far}\t${name}\t${value}`,
          `.kakao.com\tTRUE\t/\tTRUE\t${far}\t_kawlt\tnot-for-the-blog`,
          '',
        ].join('\n'),
      ),
    );
    const out = await mkdtemp(join(tmpdir(), 'tistory-cookie-'));
    const before = blog.cookies.length;
    const code = await runCli(
      [`${blog.url}/${PROTECTED_ID}`, '-o', out, '--rate', '0', '--cookie', file],
      io().streams,
      { hostMap: cdn.hostMap },
    );
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.posts[0]?.status).toBe('ok');
    expect(blog.cookies.slice(before).every((cookie) => cookie === SESSION)).toBe(true);
  });

  it('without the session the same post stays protected', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tistory-cookie-'));
    const code = await runCli([`${blog.url}/${PROTECTED_ID}`, '-o', out, '--rate', '0'], io().streams, {
      hostMap: cdn.hostMap,
    });
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.posts[0]?.status).toBe('protected');
  });

  it('says what is wrong with a bad value without printing it', async () => {
    const run = io();
    const code = await runCli(
      [
        blog.url,
        '-o',
        await mkdtemp(join(tmpdir(), 'tistory-cookie-')),
        '--cookie',
        'TSSESSION=secret-value\r\nX-Injected: 1',
      ],
      run.streams,
    );
    expect(code).toBe(2);
    expect(run.text()).toMatch(/--cookie/);
    expect(run.text()).not.toContain('secret');
  });
});
