import { describe, expect, it } from 'vitest';
import { planRun } from '../../src/state/plan.js';
import type { PostState } from '../../src/state/post-state.js';
import type { DiscoveredPost, PostStatus } from '../../src/types.js';

const KEY = '0.1.0; images download';
const ORIGIN = 'https://export-demo.tistory.com';

function state(
  id: string,
  options: { status?: PostStatus; lastmod?: string | null; updated?: string | null; recordKey?: string } = {},
): PostState {
  const url = `${ORIGIN}/${id}`;
  return {
    entry: { id, url, title: `글 ${id}`, status: options.status ?? 'ok', files: [`markdown/${id}.md`] },
    urls: [url, `${ORIGIN}/entry/글-${id}`],
    origins: [],
    lastmod: options.lastmod ?? null,
    updated: options.updated ?? '2024-06-30T14:45:12+09:00',
    linked: { id, slug: `글-${id}`, url, title: `글 ${id}`, published: null, categories: [] },
    protectedMeta: null,
    pendingLinks: false,
    recordKey: options.recordKey ?? KEY,
    run: 'earlier',
    change: 'added',
    savedAt: '2025-04-01T00:00:00.000Z',
  };
}

function found(
  path: string,
  lastmod: string | null = null,
  id: string | null = /^\/\d+$/.test(path) ? path.slice(1) : null,
): DiscoveredPost {
  return { url: `${ORIGIN}${path}`, id, lastmod, sources: ['list'] };
}

const plan = (
  discovered: DiscoveredPost[],
  states: PostState[],
  options: { full?: boolean; since?: string | null; recordKey?: string } = {},
) =>
  planRun(discovered, states, {
    full: options.full ?? false,
    since: options.since ?? null,
    recordKey: options.recordKey ?? KEY,
  });
const fetched = (result: ReturnType<typeof plan>) =>
  result.fetch.map((planned) => planned.post.url.slice(ORIGIN.length));
const kept = (result: ReturnType<typeof plan>) => result.keep.map((kept) => kept.entry.id);

describe('which posts a run fetches', () => {
  it('fetches new posts and keeps exported ones that discovery does not date later', () => {
    const result = plan(
      [found('/29', '2024-07-02T08:03:51+09:00'), found('/41'), found('/45')],
      [state('29', { updated: '2024-07-02T08:03:51+09:00' }), state('41')],
    );
    expect(fetched(result)).toEqual(['/45']);
    expect(kept(result)).toEqual(['29', '41']);
  });

  it('fetches a post the sitemap dates after its export, and hands the old export along', () => {
    const old = state('29', { lastmod: '2024-07-02T08:03:51+09:00', updated: '2024-07-02T08:03:51+09:00' });
    const result = plan([found('/29', '2025-01-05T10:00:00+09:00')], [old]);
    expect(fetched(result)).toEqual(['/29']);
    expect(result.fetch[0]!.previous).toBe(old);
    expect(kept(result)).toEqual([]);
  });

  it('compares instants, not strings: the same moment in another zone is no change', () => {
    const result = plan(
      [found('/29', '2024-07-01T23:03:51Z')],
      [state('29', { updated: '2024-07-02T08:03:51+09:00' })],
    );
    expect(fetched(result)).toEqual([]);
  });

  it('fetches again a post whose image failed for a reason that may pass, not one that would only fail again', () => {
    const plain = 'https://blog.kakaocdn.net/dn/a/b/c/bad.png';
    const signed = 'https://blog.kakaocdn.net/dna/a/b/c/bad.png?credential=x&expires=1&signature=y';
    const withAsset = (id: string, [url, error]: readonly [string, string]) => {
      const saved = state(id);
      saved.entry.assets = [
        {
          url: `https://blog.kakaocdn.net/dn/${id}/ok.png`,
          kind: 'image',
          file: `assets/ok-${id}.png`,
          sha256: 'a'.repeat(64),
        },
        { url, kind: 'image', error },
      ];
      return saved;
    };
    const mayPass = [
      [plain, 'HTTP 503'],
      [plain, 'HTTP 503 (after 5 attempts)'],
      [plain, 'HTTP 429'],
      [signed, 'HTTP 403'],
      [plain, 'timeout after 30000 ms (after 5 attempts)'],
      [plain, 'ECONNRESET: socket hang up (after 5 attempts)'],
      [plain, 'EAI_AGAIN: getaddrinfo EAI_AGAIN blog.kakaocdn.net'],
    ] as const;
    const wouldRepeat = [
      [plain, 'HTTP 404'],
      [plain, 'HTTP 410'],
      [plain, 'HTTP 403'],
      [plain, 'not an image (text/html)'],
      [plain, 'response body larger than maxBodyBytes (209715200 bytes)'],
      [plain, 'no network access while converting a backup: https://x'],
      ['https://photos.example-gone.com/a.jpg', 'ENOTFOUND: getaddrinfo ENOTFOUND photos.example-gone.com'],
      ['https://old.example.com/b.jpg', 'CERT_HAS_EXPIRED: certificate has expired'],
    ] as const;
    const states = [...mayPass, ...wouldRepeat].map((failure, index) => withAsset(String(100 + index), failure));
    const result = plan(
      states.map((saved) => found(`/${saved.entry.id}`)),
      states,
    );
    expect(fetched(result)).toEqual(mayPass.map((_, index) => `/${100 + index}`));
    expect(kept(result)).toEqual(wouldRepeat.map((_, index) => String(100 + mayPass.length + index)));
  });

  it('recognises an exported post under its other URL', () => {
    const result = plan([found('/entry/글-41', null, null)], [state('41')]);
    expect(fetched(result)).toEqual([]);
    expect(kept(result)).toEqual(['41']);
  });

  it('tries a failed post again, and fetches a post saved by another version or settings', () => {
    const result = plan(
      [found('/3'), found('/7')],
      [state('3', { status: 'failed' }), state('7', { recordKey: '0.0.9; images download' })],
    );
    expect(fetched(result)).toEqual(['/3', '/7']);
  });

  it('fetches everything with --full, and always a post named on the command line', () => {
    expect(fetched(plan([found('/29'), found('/41')], [state('29'), state('41')], { full: true }))).toEqual([
      '/29',
      '/41',
    ]);
    const named: DiscoveredPost = { ...found('/41'), sources: ['argument'] };
    expect(fetched(plan([named], [state('41')]))).toEqual(['/41']);
  });

  it('keeps posts discovery no longer finds, but not a failed one', () => {
    const result = plan([], [state('18'), state('26', { status: 'missing' }), state('3', { status: 'failed' })]);
    expect(kept(result)).toEqual(['18', '26']);
  });

  it('with --since, fetches only posts dated on or after it and skips new undated ones', () => {
    const result = plan(
      [
        found('/38', '2025-03-08T10:26:55+09:00'),
        found('/41', '2025-04-13T09:12:40+09:00'),
        found('/3'),
        found('/12', null),
      ],
      [state('12')],
      { since: '2025-04-01T00:00:00+09:00' },
    );
    expect(fetched(result)).toEqual(['/41']);
    expect(result.skipped.map((post) => post.id)).toEqual(['38', '3']);
    expect(kept(result)).toEqual(['12']);
  });

  it('counts every found post it does not fetch once: already exported, or left out by --since', () => {
    const discovered = [
      found('/29', '2025-04-20T09:00:00+09:00'),
      found('/30', '2025-03-01T00:00:00+09:00'),
      found('/41'),
      found('/45'),
      found('/3'),
    ];
    // 29 and 30 are dated after their export, but only 29 on or after --since: 30 stays as exported.
    const states = [state('29'), state('30'), state('41'), state('3', { status: 'failed' })];
    const result = plan(discovered, states, { since: '2025-04-01T00:00:00+09:00' });
    expect(fetched(result)).toEqual(['/29']);
    expect(result.alreadyExported.map((post) => post.id)).toEqual(['30', '41']);
    expect(result.skipped.map((post) => post.id)).toEqual(['45', '3']);
  });
});
