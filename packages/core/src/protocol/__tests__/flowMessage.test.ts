import { describe, expect, it } from 'vitest';
import { parseCallbackMessage, parseFlowMessage } from '../flowMessage.ts';

const envelope = { protocol: 'verigram-hf2', version: 1, flowId: 'F1' };

describe('parseFlowMessage', () => {
  it.each([
    { ...envelope, type: 'ready', stepCount: 2 },
    { ...envelope, type: 'step_started', stepId: 's1', stepIndex: 0, serviceName: 'verilive' },
    {
      ...envelope,
      type: 'step_completed',
      stepId: 's1',
      stepIndex: 0,
      serviceName: 'verilive',
      status: 'pass',
    },
    { ...envelope, type: 'resize', height: 640 },
    { ...envelope, type: 'completed', flowStatus: 'pass' },
    { ...envelope, type: 'failed', endCause: 'timeout' },
    { ...envelope, type: 'cancelled' },
    { ...envelope, type: 'close_request' },
    { ...envelope, type: 'camera_error', name: 'NotAllowedError', message: 'Permission denied' },
  ])('accepts a valid $type message', (message) => {
    expect(parseFlowMessage(message)).toEqual(message);
  });

  it.each([
    ['null', null],
    ['a string', 'ready'],
    ['another protocol', { ...envelope, protocol: 'other', type: 'cancelled' }],
    ['another version', { ...envelope, version: 2, type: 'cancelled' }],
    ['no flow id', { protocol: 'verigram-hf2', version: 1, type: 'cancelled' }],
    ['an unknown type', { ...envelope, type: 'hello' }],
    ['an inherited type name', { ...envelope, type: 'toString' }],
    ['a missing field', { ...envelope, type: 'resize' }],
    ['a negative height', { ...envelope, type: 'resize', height: -1 }],
    ['an absurd height', { ...envelope, type: 'resize', height: 1e9 }],
    ['a wrong field type', { ...envelope, type: 'ready', stepCount: '2' }],
  ])('rejects %s', (_label, data) => {
    expect(parseFlowMessage(data)).toBeNull();
  });
});

describe('parseCallbackMessage', () => {
  it('accepts the callback page message and rejects look-alikes', () => {
    const message = {
      protocol: 'verigram-kit',
      version: 1,
      type: 'callback',
      url: 'http://a/cb',
      flowId: 'F1',
    };
    expect(parseCallbackMessage(message)).toEqual(message);
    expect(parseCallbackMessage({ ...message, flowId: null })).not.toBeNull();
    expect(parseCallbackMessage({ ...message, flowId: 3 })).toBeNull();
    expect(parseCallbackMessage({ ...message, type: 'ready' })).toBeNull();
    expect(parseCallbackMessage({ ...message, protocol: 'verigram-hf2' })).toBeNull();
  });
});
