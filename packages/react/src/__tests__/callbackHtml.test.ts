import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const html = readFileSync(join(import.meta.dirname, '../../public/callback.html'), 'utf8');
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('the static callback.html under a strict Content-Security-Policy', () => {
  it('given the README’s script-src hash, then it is the hash of the page’s one inline script', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256')
      .update(scripts[0] as string)
      .digest('base64');
    // Editing the script without updating the README would break every app that pinned the hash.
    expect(readme).toContain(`'sha256-${hash}'`);
  });
});
