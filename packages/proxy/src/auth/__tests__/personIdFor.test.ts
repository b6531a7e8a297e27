import { PERSON_ID_PATTERN } from '@verigram-kit/core';
import { describe, expect, it } from 'vitest';
import { personIdFor } from '../personIdFor.ts';

const SECRET = 'a-person-id-secret-of-at-least-32-bytes';

describe('personIdFor', () => {
  it('given user ids Verigram would refuse (short, Cyrillic, an email with spaces, a number), then each maps to a valid PersonId', async () => {
    for (const userId of ['42', 'alice', 'Әлия Серікқызы', ' bob@example.com ', 7, 'x'.repeat(500)]) {
      const personId = await personIdFor(userId, SECRET);
      expect(personId).toMatch(PERSON_ID_PATTERN);
      expect(personId).toHaveLength(43);
    }
  });

  it('given the same user and secret, then the id is the same every time; a number and its string agree', async () => {
    expect(await personIdFor('alice', SECRET)).toBe(await personIdFor('alice', SECRET));
    expect(await personIdFor(42, SECRET)).toBe(await personIdFor('42', SECRET));
  });

  it('given another user or another secret, then the id differs', async () => {
    const alice = await personIdFor('alice', SECRET);
    expect(await personIdFor('alicf', SECRET)).not.toBe(alice);
    expect(await personIdFor('alice', `${SECRET}!`)).not.toBe(alice);
  });

  it('is HMAC-SHA256 of a labelled user id, in base64url: what the README tells a backend in another language to compute', async () => {
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', SECRET).update('verigram-person-id\0alice').digest('base64url');
    expect(await personIdFor('alice', SECRET)).toBe(expected);
  });

  it('refuses a short secret and an empty or non-finite user id, with how to fix', async () => {
    await expect(personIdFor('alice', 'short')).rejects.toThrow(/at least 32 bytes/);
    await expect(personIdFor('', SECRET)).rejects.toThrow(/userId must be/);
    await expect(personIdFor(Number.NaN, SECRET)).rejects.toThrow(/userId must be/);
    await expect(personIdFor(undefined as unknown as string, SECRET)).rejects.toThrow(/userId must be/);
  });
});
