import { describe, expect, it } from 'vitest';
import { createDemoSession, personIdOf, SESSION_COOKIE } from '../demoSession.ts';

const cookieOf = (setCookie: string) => setCookie.split(';')[0] ?? '';

describe('the demo session cookie', () => {
  const session = createDemoSession('a'.repeat(64));

  it('given a new session, then its cookie reads back to the same id, HttpOnly and SameSite=Lax', () => {
    const { id, setCookie } = session.create({ secure: false });
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(session.read(`other=1; ${cookieOf(setCookie)}; more=2`)).toBe(id);
  });

  it('when served over https, then the cookie is Secure', () => {
    expect(session.create({ secure: true }).setCookie).toMatch(/; Secure/);
  });

  it('when the id is swapped for another, then the signature no longer matches and nothing is read', () => {
    const { id, setCookie } = session.create({ secure: false });
    const other = id.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expect(session.read(cookieOf(setCookie).replace(id, other))).toBeNull();
  });

  it('when another secret signed it, or it is missing or malformed, then nothing is read', () => {
    const foreign = createDemoSession('b'.repeat(64)).create({ secure: false }).setCookie;
    expect(session.read(cookieOf(foreign))).toBeNull();
    expect(session.read(undefined)).toBeNull();
    expect(session.read(`${SESSION_COOKIE}=`)).toBeNull();
    expect(session.read(`${SESSION_COOKIE}=zz.zz`)).toBeNull();
  });

  it('gives a person id Verigram accepts (6..48 of [a-zA-Z0-9_@.+-])', () => {
    const { id } = session.create({ secure: false });
    expect(personIdOf(id)).toMatch(/^[a-zA-Z0-9_@.+-]{6,48}$/);
  });
});
