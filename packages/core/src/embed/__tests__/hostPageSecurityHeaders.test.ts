import { describe, expect, it } from 'vitest';
import { hostPageSecurityHeaders } from '../hostPageSecurityHeaders.ts';

const directivesOf = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name, ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );

describe('hostPageSecurityHeaders', () => {
  it('given only the hosted origin, then frames come from it and the callback page, everything else from this origin', () => {
    const headers = hostPageSecurityHeaders({ hostedOrigin: 'https://web.verigram.kz/some/flow?x=1' });
    expect(directivesOf(headers['Content-Security-Policy'])).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': [
        "'self'",
        'data:',
        'blob:',
        'https://s3.eu-central-1.amazonaws.com',
        'https://docs.services.verigram.cloud',
      ],
      'connect-src': ["'self'"],
      'frame-src': ['https://web.verigram.kz', "'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
    });
    expect(headers['Permissions-Policy']).toBe('camera=(self "https://web.verigram.kz")');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('given no option, then nothing allows inline code or eval', () => {
    const policy = hostPageSecurityHeaders({ hostedOrigin: 'https://web.verigram.kz' })[
      'Content-Security-Policy'
    ];
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('given a proxy and a callback page on absolute URLs, then connect-src covers everything under the proxy and frame-src exactly the callback page', () => {
    const policy = hostPageSecurityHeaders({
      hostedOrigin: 'https://web.verigram.kz',
      proxyPath: 'https://api.bank.example/verigram',
      callbackUrl: 'https://bank.example/verigram/callback',
    })['Content-Security-Policy'];
    expect(directivesOf(policy)['connect-src']).toEqual(["'self'", 'https://api.bank.example/verigram/']);
    expect(directivesOf(policy)['frame-src']).toEqual([
      'https://web.verigram.kz',
      'https://bank.example/verigram/callback',
    ]);
  });

  it('given a nonce, image hosts and extra sources, then they join the kit’s directives', () => {
    const policy = hostPageSecurityHeaders({
      hostedOrigin: 'http://127.0.0.1:4011',
      nonce: 'cmFuZG9tMTIz',
      imageHosts: ['cdn.bank.example'],
      sources: { 'style-src': ["'sha256-abc='"], 'worker-src': ["'self'"] },
    })['Content-Security-Policy'];
    const directives = directivesOf(policy);
    expect(directives['script-src']).toEqual(["'self'", "'nonce-cmFuZG9tMTIz'"]);
    expect(directives['style-src']).toEqual(["'self'", "'nonce-cmFuZG9tMTIz'", "'sha256-abc='"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://cdn.bank.example']);
    expect(directives['worker-src']).toEqual(["'self'"]);
    expect(directives['frame-src']?.[0]).toBe('http://127.0.0.1:4011');
  });

  it.each([
    [
      'a hosted origin that is no URL',
      { hostedOrigin: 'web.verigram.kz' },
      /hostedOrigin must be an http\(s\) URL/,
    ],
    ['a hosted origin of another scheme', { hostedOrigin: 'javascript:alert(1)' }, /hostedOrigin/],
    ['a proxy URL that is no URL', { proxyPath: 'api/verigram' }, /proxyPath must be an http\(s\) URL/],
    ['a nonce that would end the directive', { nonce: "x'; script-src *" }, /is not a CSP source/],
    ['a source that would start another header', { sources: { 'img-src': ['a,b'] } }, /is not a CSP source/],
    ['a directive name with a space', { sources: { 'img-src *; x': ['a'] } }, /is not a directive name/],
  ])('given %s, then it throws and says which option', (_, options, message) => {
    expect(() => hostPageSecurityHeaders({ hostedOrigin: 'https://web.verigram.kz', ...options })).toThrow(
      message,
    );
  });
});
