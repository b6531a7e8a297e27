import { describe, expect, it } from 'vitest';
import { createRedactingLogger, type ProxyLogger } from '../createRedactingLogger.ts';

const KEY = 'sandbox-test-key';

describe('createRedactingLogger', () => {
  it('scrubs the key from the message, nested fields, arrays and errors, and blanks sensitive field names', () => {
    const lines: string[] = [];
    const sink: ProxyLogger = (level, message, fields) =>
      lines.push(JSON.stringify({ level, message, fields }));
    const log = createRedactingLogger(sink, [KEY, '']);
    log('error', `upstream said: bad key ${KEY}`, {
      upstreamMsg: `key ${KEY} rejected`,
      nested: { list: [`x${KEY}y`, 3] },
      error: new Error(`fetch failed for ${KEY}`),
      authorization: 'Bearer v1.abc.def',
      apiKey: 'anything',
      'x-verigram-api-key': 'anything',
      status: 401,
    });
    expect(lines).toHaveLength(1);
    const line = lines[0] as string;
    expect(line).not.toContain(KEY);
    expect(line).not.toContain('v1.abc.def');
    const parsed = JSON.parse(line);
    expect(parsed.message).toBe('upstream said: bad key [REDACTED]');
    expect(parsed.fields).toMatchObject({
      upstreamMsg: 'key [REDACTED] rejected',
      nested: { list: ['x[REDACTED]y', 3] },
      error: { name: 'Error', message: 'fetch failed for [REDACTED]' },
      authorization: '[REDACTED]',
      apiKey: '[REDACTED]',
      'x-verigram-api-key': '[REDACTED]',
      status: 401,
    });
  });
});
