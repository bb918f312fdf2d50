import { describe, expect, it } from 'vitest';
import { createToken, hostAllowed, pathAfterToken } from '../../src/ui/token.js';

describe('the launch token', () => {
  it('is 32 random bytes, different at every launch', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => createToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('opens the path after it, and nothing without it', () => {
    const token = createToken();
    expect(pathAfterToken(`/${token}/`, token)).toBe('/');
    expect(pathAfterToken(`/${token}`, token)).toBe('/');
    expect(pathAfterToken(`/${token}/api/run`, token)).toBe('/api/run');
    expect(pathAfterToken(`/${token}/files/posts/a.md`, token)).toBe('/files/posts/a.md');
    expect(pathAfterToken('/', token)).toBeNull();
    expect(pathAfterToken('/api/run', token)).toBeNull();
    expect(pathAfterToken(`/${token.slice(0, -1)}/api/run`, token)).toBeNull();
    expect(pathAfterToken(`/${token}x/api/run`, token)).toBeNull();
    expect(pathAfterToken(`/${createToken()}/`, token)).toBeNull();
    expect(pathAfterToken(`/api/${token}/`, token)).toBeNull();
  });
});

describe('the Host header', () => {
  it('must name 127.0.0.1 and this port, so a rebound domain name is refused', () => {
    expect(hostAllowed('127.0.0.1:4321', 4321)).toBe(true);
    expect(hostAllowed('127.0.0.1:4322', 4321)).toBe(false);
    expect(hostAllowed('evil.example:4321', 4321)).toBe(false);
    expect(hostAllowed('localhost:4321', 4321)).toBe(false);
    expect(hostAllowed('127.0.0.1', 4321)).toBe(false);
    expect(hostAllowed(undefined, 4321)).toBe(false);
  });
});
