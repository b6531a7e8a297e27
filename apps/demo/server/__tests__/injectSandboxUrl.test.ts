import { expect, it } from 'vitest';
import { injectSandboxUrl } from '../injectSandboxUrl.ts';

const PAGE = '<html><head><title>Aurora</title></head><body></body></html>';

it('given a sandbox URL, then the page head carries it in the meta the bundle reads', () => {
  expect(injectSandboxUrl(PAGE, 'http://127.0.0.1:4011')).toContain(
    '<meta name="verigram-sandbox-url" content="http://127.0.0.1:4011">\n  </head>',
  );
});

it('given no sandbox (real Verigram), then the page is unchanged', () => {
  expect(injectSandboxUrl(PAGE, null)).toBe(PAGE);
});

it('given a URL with quotes or angle brackets, then it stays inside the attribute', () => {
  const html = injectSandboxUrl(PAGE, 'https://x.example/"><script>alert(1)</script>');
  expect(html).not.toContain('<script>');
  expect(html).toContain('content="https://x.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
});
