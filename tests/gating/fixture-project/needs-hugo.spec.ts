import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { beforeAllWith, itWith } from '../../helpers/outside-programs.js';

const hugoVersion = () => execFileSync('hugo', ['version'], { encoding: 'utf8' });

itWith('hugo', 'asks hugo for its version', () => {
  expect(hugoVersion()).toMatch(/^hugo v/);
});

describe('a block whose hook runs hugo', () => {
  let version = '';
  beforeAllWith('hugo', () => {
    version = hugoVersion();
  });

  itWith('hugo', 'sees what the hook read', () => {
    expect(version).toMatch(/^hugo v/);
  });

  itWith('hugo', 'runs its second test too', () => {
    expect(version).not.toBe('');
  });
});

itWith(['hugo', 'jekyll'], 'needs hugo and jekyll', () => {
  expect(hugoVersion()).toMatch(/^hugo v/);
  expect(execFileSync('jekyll', ['--version'], { encoding: 'utf8' })).toMatch(/^jekyll /);
});

it('needs nothing from outside npm', () => {
  expect(1 + 1).toBe(2);
});
