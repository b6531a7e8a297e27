import { describe, expect, it } from 'vitest';
import { toOrigin } from '../createOriginPolicy.ts';

describe('toOrigin', () => {
  it('normalises an origin and refuses anything more', () => {
    expect(toOrigin('https://app.example.com/')).toBe('https://app.example.com');
    expect(() => toOrigin('https://app.example.com/path')).toThrow();
    expect(() => toOrigin('app.example.com')).toThrow();
  });
});
