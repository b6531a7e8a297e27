import type { FlowEvent } from '@verigram-kit/core';

/**
 * One log line per flow event: its type and the fields a person reading the log wants. An event
 * the kit derived from polling (the page did not say it first) is marked `source=server`.
 */
export function describeFlowEvent(event: FlowEvent): string {
  const fields = event as unknown as Record<string, unknown>;
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
    .filter((name) => fields[name] !== undefined && fields[name] !== '')
    .map((name) => `${name}=${String(fields[name])}`);
  if (event.source === 'server') details.push('source=server');
  return details.length ? `${event.type} (${details.join(', ')})` : event.type;
}
