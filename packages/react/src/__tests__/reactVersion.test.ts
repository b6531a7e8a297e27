import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { describe, expect, inject, it } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    reactMajor: number;
  }
}

describe('the React under test', () => {
  it('is the major version this project runs against (19, and 18 in the react18 project)', () => {
    expect(Number(version.split('.')[0])).toBe(inject('reactMajor'));
    expect(domVersion).toBe(version);
  });
});
