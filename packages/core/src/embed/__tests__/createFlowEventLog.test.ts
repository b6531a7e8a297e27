import { describe, expect, it } from 'vitest';
import type { Flow, FlowProjection } from '../../api/schemas.ts';
import type { FlowMessage } from '../../protocol/flowMessage.ts';
import { createFlowEventLog } from '../createFlowEventLog.ts';

const created: Flow = {
  flow_id: 'flow-events',
  consumer_id: 'consumer-test',
  vlink: 'https://web.verigram.kz/flow-events',
  person_id: '990101300123',
  flow_status: 'unknown',
  current_step_id: 'step-a',
  template: { pipeline: [{ service_name: 'verilive' }, { service_name: 'veridoc' }] } as Flow['template'],
};
const onStep = (stepId: string): Flow => ({
  ...created,
  started_at: '2026-01-01T10:00:00Z',
  current_step_id: stepId,
});
const ended = (end_cause: Flow['end_cause'], flow_status: Flow['flow_status']): Flow => {
  const { current_step_id: _, ...flow } = onStep('step-b');
  return { ...flow, end_cause, flow_status, ended_at: '2026-01-01T10:02:00Z' };
};
const resultWith = (
  ...steps: [string, 'verilive' | 'veridoc', 'pass' | 'fail' | 'unknown'][]
): FlowProjection => ({
  service_statuses: steps.map(([step_id, service_name, session_status]) => ({
    step_id,
    service_name,
    session_status,
  })),
});
const page = (type: string, fields: object = {}) =>
  ({ protocol: 'verigram-hf2', version: 1, flowId: 'flow-events', type, ...fields }) as FlowMessage;
const brief = (events: { type: string; source: string; stepId?: string }[]) =>
  events.map((e) => [e.type, e.source, e.stepId].filter(Boolean).join(' '));

describe('createFlowEventLog', () => {
  it('given a flow the user has not started, then the server implies no event', () => {
    expect(createFlowEventLog().fromServer(created)).toEqual([]);
  });

  it('given polls alone, then each step starts and completes once, placed by the result, and the end comes last', () => {
    const log = createFlowEventLog();
    expect(log.fromServer(onStep('step-a'))).toEqual([
      {
        protocol: 'verigram-hf2',
        version: 1,
        flowId: 'flow-events',
        type: 'step_started',
        stepId: 'step-a',
        stepIndex: 0,
        serviceName: '',
        source: 'server',
      },
    ]);
    expect(log.fromServer(onStep('step-a'))).toEqual([]);
    const moved = log.fromServer(onStep('step-b'), resultWith(['step-a', 'verilive', 'pass']));
    expect(moved).toMatchObject([
      { type: 'step_completed', stepId: 'step-a', stepIndex: 0, serviceName: 'verilive', status: 'pass' },
      { type: 'step_started', stepId: 'step-b', stepIndex: 1, source: 'server' },
    ]);
    const end = log.fromServer(
      ended('completed', 'fail'),
      resultWith(['step-a', 'verilive', 'pass'], ['step-b', 'veridoc', 'fail']),
    );
    expect(end).toMatchObject([
      { type: 'step_completed', stepId: 'step-b', stepIndex: 1, serviceName: 'veridoc', status: 'fail' },
      { type: 'completed', flowStatus: 'fail', source: 'server' },
    ]);
    expect(log.fromServer(ended('completed', 'fail'))).toEqual([]);
  });

  it('given a flow first read once it ended, then every step the result names is reported before the end', () => {
    const events = createFlowEventLog().fromServer(
      ended('timeout', 'unknown'),
      resultWith(['step-a', 'verilive', 'pass'], ['step-b', 'veridoc', 'unknown']),
    );
    expect(brief(events)).toEqual([
      'step_started server step-a',
      'step_completed server step-a',
      'step_started server step-b',
      'step_completed server step-b',
      'failed server',
    ]);
    expect(events.at(-1)).toMatchObject({ endCause: 'timeout' });
  });

  it('given a step that moved on without a readable result, then it completes as unknown rather than guessed', () => {
    const log = createFlowEventLog();
    log.fromServer(onStep('step-a'));
    expect(log.fromServer(onStep('step-b'))[0]).toMatchObject({ type: 'step_completed', status: 'unknown' });
  });

  it('given the page reports first, then the poll that sees the same steps and end adds nothing', () => {
    const log = createFlowEventLog();
    const fromPage = [
      log.fromPage(page('ready', { stepCount: 2 })),
      log.fromPage(page('step_started', { stepId: 'step-a', stepIndex: 0, serviceName: 'verilive' })),
      log.fromPage(
        page('step_completed', { stepId: 'step-a', stepIndex: 0, serviceName: 'verilive', status: 'pass' }),
      ),
      log.fromPage(page('step_started', { stepId: 'step-b', stepIndex: 1, serviceName: 'veridoc' })),
      log.fromPage(page('completed', { flowStatus: 'pass' })),
    ];
    expect(fromPage.map((e) => e?.source)).toEqual(['page', 'page', 'page', 'page', 'page']);
    expect(
      log.fromServer(
        ended('completed', 'pass'),
        resultWith(['step-a', 'verilive', 'pass'], ['step-b', 'veridoc', 'pass']),
      ),
    ).toMatchObject([{ type: 'step_completed', stepId: 'step-b', source: 'server' }]);
  });

  it('given the server reports first, then the page’s late messages of the same events are dropped, others pass', () => {
    const log = createFlowEventLog();
    log.fromServer(onStep('step-b'), resultWith(['step-a', 'verilive', 'pass']));
    expect(
      log.fromPage(page('step_started', { stepId: 'step-a', stepIndex: 0, serviceName: 'verilive' })),
    ).toBeNull();
    expect(
      log.fromPage(
        page('step_completed', { stepId: 'step-a', stepIndex: 0, serviceName: 'verilive', status: 'pass' }),
      ),
    ).toBeNull();
    expect(log.fromPage(page('resize', { height: 700 }))).toMatchObject({ type: 'resize', source: 'page' });
    expect(log.fromPage(page('resize', { height: 720 }))).toMatchObject({ height: 720 });
  });

  it('given the page said the user cancelled, then the server’s disconnected end is the same event', () => {
    const log = createFlowEventLog();
    expect(log.fromPage(page('cancelled'))).toMatchObject({ type: 'cancelled', source: 'page' });
    expect(brief(log.fromServer(ended('disconnected', 'unknown')))).not.toContain('failed server');
  });
});
