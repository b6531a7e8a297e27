import type { FlowMessage } from '@verigram-kit/core';

/** One log line per hosted-page message: its type and the fields a person reading the log wants. */
export function describeFlowMessage(message: FlowMessage): string {
  const fields = message as unknown as Record<string, unknown>;
  const details = [
    'serviceName',
    'stepIndex',
    'status',
    'flowStatus',
    'endCause',
    'stepCount',
    'name',
    'height',
  ]
    .filter((name) => fields[name] !== undefined)
    .map((name) => `${name}=${String(fields[name])}`);
  return details.length ? `${message.type} (${details.join(', ')})` : message.type;
}
