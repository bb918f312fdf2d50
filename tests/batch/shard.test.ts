import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/batch/shard.js';

const outs = Array.from({ length: 200 }, (_, index) => `backups/blog-${index}`);

describe('--shard I/N', () => {
  it('puts every blog in exactly one shard, and spreads them', () => {
    const sizes = [0, 1, 2, 3].map((index) => outs.filter((out) => inShard(out, { index, count: 4 })).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(outs.length);
    for (const size of sizes) expect(size).toBeGreaterThan(30);
  });

  it('keeps a blog in its shard when blogs are added or the config is reordered', () => {
    const before = new Map(outs.map((out) => [out, shardOf(out, 4)]));
    const grown = [...outs, 'backups/new-one', 'backups/new-two'].reverse();
    for (const out of grown) if (before.has(out)) expect(shardOf(out, 4)).toBe(before.get(out));
  });

  it('reads the folder as written, whatever its slashes', () => {
    expect(shardOf('backups/a/', 7)).toBe(shardOf('./backups/a', 7));
    expect(shardOf('backups\\a', 7)).toBe(shardOf('backups/a', 7));
  });

  it('takes 0-based I/N and refuses anything else', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3 / 4 ')).toEqual({ index: 3, count: 4 });
    for (const bad of ['4/4', '1/0', '-1/4', 'a/4', '1', ''])
      expect(() => parseShard(bad), bad).toThrow(/--shard must be I\/N/);
  });
});
