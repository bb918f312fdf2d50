import { describe, expect, it } from 'vitest';
import { filesUrlCaveat } from '../../src/targets/wxr-urls.js';

describe('--files-url and what WordPress will fetch from', () => {
  it('says nothing of a public address on 80, 443 or 8080', () => {
    for (const url of [
      'https://files.example.com/tistory/',
      'http://files.example.com:8080/',
      'http://203.0.113.7/x/',
    ]) {
      expect(filesUrlCaveat(url), url).toBeNull();
    }
  });

  it('names a private or loopback host and a port the importer refuses, and what to do instead', () => {
    expect(filesUrlCaveat('http://192.168.0.10:8000/')).toBe(
      "--files-url: 192.168.0.10 is a private address and port 8000 is not 80, 443 or 8080; WordPress's importer only downloads from such an address when it is the WordPress site's own (copy the output folder onto that server, or serve it on a public address)",
    );
    for (const url of [
      'http://localhost/',
      'http://127.0.0.1:8080/',
      'http://10.1.2.3/',
      'http://172.20.0.5/',
      'http://[::1]/',
    ]) {
      expect(filesUrlCaveat(url), url).toMatch(/is a private address;/);
    }
    expect(filesUrlCaveat('https://files.example.com:3000/')).toMatch(
      /^--files-url: port 3000 is not 80, 443 or 8080;/,
    );
  });
});
