import { describe, expect, it } from 'vitest';
import { buildHostedPageScript } from '../../../scripts/buildHostedPageScript.ts';
import { HOSTED_PAGE_SCRIPT } from '../hostedPageScript.generated.ts';

describe('the hosted page script', () => {
  it('is the current build of hostedPage.client.ts (else run `pnpm --filter @verigram-kit/sandbox generate`)', async () => {
    expect(HOSTED_PAGE_SCRIPT).toBe(await buildHostedPageScript());
  });

  it('is one self-contained script: no import, no export, nothing that closes its <script> element', () => {
    expect(HOSTED_PAGE_SCRIPT).not.toMatch(/^\s*(import|export)\s/m);
    expect(HOSTED_PAGE_SCRIPT).not.toMatch(/<\/script/i);
    expect(() => new Function(HOSTED_PAGE_SCRIPT)).not.toThrow();
  });
});
