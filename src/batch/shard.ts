import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { UsageError } from '../errors.js';

/** `--shard I/N`: the I-th of N parts (0-based, as a Kubernetes completion index or a matrix's job index). */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(raw: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) {
    throw new UsageError(`--shard must be I/N with 0 ≤ I < N (0/4 … 3/4), got "${raw}"`);
  }
  return { index, count };
}

/**
 * Which shard a blog belongs to: a hash of its `out` as written in the config, not its position, so
 * adding or removing a blog never moves the others to another shard (their folders and state stay put).
 */
export function shardOf(out: string, count: number): number {
  const key = posix.normalize(out.trim().replace(/\\/g, '/')).replace(/\/+$/, '');
  return createHash('sha256').update(key).digest().readUInt32BE(0) % count;
}

export function inShard(out: string, shard: Shard | null): boolean {
  return shard === null || shardOf(out, shard.count) === shard.index;
}
