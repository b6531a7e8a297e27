import { describe, expect, it } from 'vitest';
import { createFlowTokenSigner } from '../createFlowTokenSigner.ts';

const SECRET = 'x'.repeat(32);

describe('createFlowTokenSigner', () => {
  it('verifies its own token for the same user until it expires', async () => {
    const signer = createFlowTokenSigner(SECRET, 60);
    const now = Date.parse('2026-11-23T12:00:00Z');
    const { token, expiresAt } = await signer.sign('flow-1', 'alice-0001', now);
    expect(expiresAt).toBe(now + 60_000);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await signer.verify(token, 'alice-0001', now + 59_000)).toEqual({
      ok: true,
      claims: { flowId: 'flow-1', expiresAt },
    });
    expect(await signer.verify(token, 'alice-0001', now + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('does not write the person id into the token', async () => {
    const { token } = await createFlowTokenSigner(SECRET, 60).sign('flow-1', 'alice@example.com');
    const payload = Buffer.from(token.split('.')[1] ?? '', 'base64url').toString();
    expect(payload).not.toContain('alice');
  });

  it.each([
    ['another user', (t: string) => t, 'bob-000002'],
    [
      'another secret',
      async () => (await createFlowTokenSigner('y'.repeat(32), 60).sign('flow-1', 'alice-0001')).token,
      'alice-0001',
    ],
    ['a flipped MAC bit', (t: string) => t.slice(0, -1) + (t.endsWith('A') ? 'B' : 'A'), 'alice-0001'],
    ['a truncated MAC', (t: string) => t.slice(0, -4), 'alice-0001'],
    ['an extra part', (t: string) => `${t}.x`, 'alice-0001'],
    ['a non-base64url MAC', (t: string) => `${t.slice(0, -1)}=`, 'alice-0001'],
  ])('says invalid (never expired) for %s', async (_name, mutate, user) => {
    const signer = createFlowTokenSigner(SECRET, 60);
    const { token } = await signer.sign('flow-1', 'alice-0001', 0);
    // Signed at the epoch, so long expired: a forgery must still read as invalid, not expired.
    expect(await signer.verify(await mutate(token), user)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => createFlowTokenSigner('short', 60)).toThrow(/32 bytes/);
  });
});

describe('createFlowTokenSigner cache', () => {
  it('still expires a token it has verified before', async () => {
    const signer = createFlowTokenSigner(SECRET, 60);
    const { token } = await signer.sign('flow-1', 'alice-0001', 0);
    expect((await signer.verify(token, 'alice-0001', 1000)).ok).toBe(true);
    expect(await signer.verify(token, 'alice-0001', 61_000)).toEqual({ ok: false, reason: 'expired' });
    expect(await signer.verify(token, 'bob-000002', 1000)).toEqual({ ok: false, reason: 'invalid' });
  });
});
