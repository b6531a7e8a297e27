import { type Flow, type FlowClient, VerigramApiError } from '@verigram-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { createLoggingClient, type LogEntry } from '../createLoggingClient.ts';

function loggedClient(getFlow: FlowClient['getFlow']) {
  const lines: Omit<LogEntry, 'id' | 'at'>[] = [];
  const inner = { getFlow } as unknown as FlowClient;
  const client = createLoggingClient(inner, {
    log: (line) => lines.push(line),
    getUi: () => undefined,
    onFlow: vi.fn(),
  });
  return { client, lines };
}

describe('createLoggingClient', () => {
  it('given a read the kit aborted (it no longer needs it), then nothing is logged', async () => {
    const aborted = new VerigramApiError({
      status: 0,
      errorCode: 'ABORTED',
      errorMsg: 'The request was aborted',
    });
    const { client, lines } = loggedClient(() => Promise.reject(aborted));
    await expect(client.getFlow('F1')).rejects.toBe(aborted);
    expect(lines).toEqual([]);
  });

  it('given a read that failed, then it is logged as an error with its status and code', async () => {
    const failed = new VerigramApiError({ status: 503, errorCode: 'UPSTREAM_UNAVAILABLE', errorMsg: 'down' });
    const { client, lines } = loggedClient(() => Promise.reject(failed));
    await expect(client.getFlow('F1')).rejects.toBe(failed);
    expect(lines).toEqual([{ kind: 'poll', text: 'GET /flow → 503 UPSTREAM_UNAVAILABLE', tone: 'error' }]);
  });

  it('given a read that answered, then its status is logged', async () => {
    const { client, lines } = loggedClient(async () => ({ flow_status: 'unknown' }) as Flow);
    await client.getFlow('F1');
    expect(lines).toEqual([{ kind: 'poll', text: 'GET /flow → unknown' }]);
  });
});
