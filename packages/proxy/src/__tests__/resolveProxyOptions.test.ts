import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveProxyOptions } from '../resolveProxyOptions.ts';

const REQUIRED = { apiKey: 'key', secret: 's'.repeat(32) };

/**
 * The `@default` of each option in VerigramProxyOptions.ts whose default is a literal (a number,
 * a string, a boolean, undefined, an array or an object); prose defaults ("the origin of the
 * request itself") are left out.
 */
function documentedDefaults(): Map<string, unknown> {
  const source = readFileSync(new URL('../VerigramProxyOptions.ts', import.meta.url), 'utf8');
  const body = source.slice(source.indexOf('export interface VerigramProxyOptions'));
  const found = new Map<string, unknown>();
  for (const [, doc = '', name = ''] of body.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(\w+)\?:/g)) {
    const text = doc.replace(/\n\s*\* ?/g, ' ');
    const at = text.indexOf('@default ');
    if (at === -1) continue;
    const literal = leadingLiteral(text.slice(at + '@default '.length));
    if (literal !== undefined) found.set(name, new Function(`return (${literal});`)());
  }
  return found;
}

function leadingLiteral(text: string): string | undefined {
  const open = text[0];
  if (open === '{' || open === '[') {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '{' || text[i] === '[') depth++;
      if (text[i] === '}' || text[i] === ']') depth--;
      if (depth === 0) return text.slice(0, i + 1);
    }
    return undefined;
  }
  if (open === "'") return text.slice(0, text.indexOf("'", 1) + 1);
  const token = /^[\w.]+/.exec(text)?.[0] ?? '';
  return /^(\d+|true|false|undefined)$/.test(token) ? token : undefined;
}

describe('resolveProxyOptions', () => {
  it('given only the required options, then every literal @default in VerigramProxyOptions is the resolved value', () => {
    const resolved = resolveProxyOptions(REQUIRED) as unknown as Record<string, unknown>;
    const documented = documentedDefaults();
    // Enough that a broken reader of the JSDoc cannot pass by comparing nothing.
    expect(documented.size).toBeGreaterThanOrEqual(20);
    for (const [name, value] of documented) {
      // apiVersion is left to core's client, which sends the spec's version itself.
      if (name === 'apiVersion') continue;
      expect({ [name]: resolved[name] }).toEqual({ [name]: value });
    }
  });

  it('given a mountPath with a trailing slash, then it is resolved without it', () => {
    expect(resolveProxyOptions({ ...REQUIRED, mountPath: '/kyc/' }).mountPath).toBe('/kyc');
  });

  it('given a relative mountPath, then it throws naming the option', () => {
    expect(() => resolveProxyOptions({ ...REQUIRED, mountPath: 'kyc' })).toThrow(
      /mountPath must start with "\/"/,
    );
  });

  it('given rateLimit.perIp false only, then perUser keeps its default and perIp is off', () => {
    const { rateLimit } = resolveProxyOptions({ ...REQUIRED, rateLimit: { perIp: false } });
    expect(rateLimit).toEqual({ perUser: { limit: 10, windowMs: 60_000 }, perIp: false });
  });

  it('given a retry with only retries, then the other retry defaults stay', () => {
    expect(resolveProxyOptions({ ...REQUIRED, retry: { retries: 0 } }).retry).toEqual({
      retries: 0,
      baseDelayMs: 100,
      maxDelayMs: 2000,
    });
  });

  it('given asset hosts in upper case, then they are resolved in lower case', () => {
    expect(
      resolveProxyOptions({ ...REQUIRED, allowedAssetHosts: ['CDN.Example.com'] }).allowedAssetHosts,
    ).toEqual(['cdn.example.com']);
  });

  it('given a defaultTemplate that names no template, then it throws', () => {
    expect(() => resolveProxyOptions({ ...REQUIRED, defaultTemplate: 'kyc' })).toThrow(
      /defaultTemplate "kyc" is not in templates/,
    );
  });
});
