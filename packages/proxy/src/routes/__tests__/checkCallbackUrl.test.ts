import { describe, expect, it } from 'vitest';
import { checkCallbackUrl } from '../checkCallbackUrl.ts';

const ALLOWED = ['https://app.example.com', 'http://localhost:5173'];

describe('checkCallbackUrl', () => {
  it.each([
    'https://app.example.com/verified',
    'https://app.example.com/verified?x=1#done',
    'https://APP.example.com/verified',
    'http://localhost:5173/cb',
  ])('given %s, then it finds no problem', (url) => {
    expect(checkCallbackUrl(url, ALLOWED)).toEqual([]);
  });

  it.each([
    ['//evil.io/cb', /absolute/],
    ['/relative', /absolute/],
    ['https://app.example.com.evil.io/cb', /not in allowedCallbackOrigins/],
    ['https://evil.io/https://app.example.com', /not in allowedCallbackOrigins/],
    ['javascript:alert(1)', /https/],
    ['data:text/html,hi', /https/],
    ['https://app.example.com@evil.io/', /credentials/],
    ['https://user:pw@app.example.com/', /credentials/],
    ['https:\\\\evil.io', /backslash/],
    ['https://app.example.com\\@evil.io', /backslash/],
    ['https://app.example.com:444/cb', /not in allowedCallbackOrigins/],
    ['http://app.example.com/cb', /https/],
    ['http://localhost:3000/cb', /not in allowedCallbackOrigins/],
    [' https://app.example.com/', /space/],
    ['https://app.example.com/\n', /control/],
    [42, /string/],
  ])('given %j, then it names the one problem', (url, message) => {
    expect(checkCallbackUrl(url, ALLOWED)).toEqual([expect.stringMatching(message)]);
  });
});
