import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoSecurityHeaders, inlineScriptHashes, NONCE_PLACEHOLDER } from '../demoSecurityHeaders.ts';

const callbackPage = readFileSync(
  createRequire(import.meta.url).resolve('@verigram-kit/react/callback.html'),
  'utf8',
);
const securityHeaders = createDemoSecurityHeaders({
  hostedOrigin: 'http://127.0.0.1:4011',
  mountPath: '/api/verigram',
  callbackPath: '/verigram/callback',
  callbackPage,
});
let close: (() => void) | undefined;
afterEach(() => close?.());

/** A server that answers like Vite: the page with the placeholder, Content-Length set, ETag honoured. */
async function serve(write: (res: ServerResponse, body: string) => void, isCallbackPage = false) {
  const body = `<meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}"><script nonce="${NONCE_PLACEHOLDER}">x</script>`;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    securityHeaders(req, res, isCallbackPage);
    if (req.headers['if-none-match'] === '"v1"') {
      res.statusCode = 304;
      return void res.end();
    }
    res.setHeader('ETag', '"v1"');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    write(res, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

describe('createDemoSecurityHeaders', () => {
  it.each([
    ['in one end()', (res: ServerResponse, body: string) => res.end(body)],
    [
      'in chunks, as a file stream writes it',
      (res: ServerResponse, body: string) => {
        res.write(Buffer.from(body));
        res.end();
      },
    ],
  ])(
    'given a page written %s, then its nonces are the header’s, fresh per response, and its length holds',
    async (_, write) => {
      const url = await serve(write);
      const first = await fetch(url);
      const second = await fetch(url, { headers: { 'If-None-Match': '"v1"' } });
      const policy = first.headers.get('content-security-policy');
      const nonce = nonceOf(policy);
      const body = await first.text();
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
      expect(body).not.toContain(NONCE_PLACEHOLDER);
      expect(body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonce}"`, `nonce="${nonce}"`]);
      expect(Buffer.byteLength(body)).toBe(Number(first.headers.get('content-length')));
      // A page is never answered 304: a cached copy would carry an older nonce than the header.
      expect(second.status).toBe(200);
      expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonce);
    },
  );

  it('given a page, then the policy is the kit’s strict one for the hosted origin and this demo’s callback page', async () => {
    const url = await serve((res, body) => res.end(body));
    const response = await fetch(url);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(policy).toContain(`frame-src http://127.0.0.1:4011 ${url}/verigram/callback;`);
    expect(response.headers.get('permissions-policy')).toBe('camera=(self "http://127.0.0.1:4011")');
  });

  it('given the callback page, then its inline script is allowed by its hash, the one the react README gives', async () => {
    expect(inlineScriptHashes(callbackPage)).toEqual([
      "'sha256-JCpxkalsq1E+v/DU0SHL7n3PMGzvx0/G11Rh3Z4ctiQ='",
    ]);
    const url = await serve((res, body) => res.end(body), true);
    const policy = (await fetch(url)).headers.get('content-security-policy');
    expect(policy).toContain("'sha256-JCpxkalsq1E+v/DU0SHL7n3PMGzvx0/G11Rh3Z4ctiQ='");
  });
});
