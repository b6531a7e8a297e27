import type { FlowVerdict, FlowVerdicts } from '@verigram-kit/proxy/verdicts';

/** One verdict as the back office shows it. */
export interface BackOfficeVerdict {
  deliveryId: string;
  flowId: string;
  template?: string | undefined;
  /** `expired` when the flow's ttl ran out unfinished, else Verigram's `flow_status`. */
  outcome: 'pass' | 'fail' | 'unknown' | 'expired';
  endCause?: string | undefined;
  settledAt: string;
  /** When the back office first received it. */
  receivedAt: string;
  /** How many times `onFlowSettled` handed this delivery over (a real app dedupes on `deliveryId`). */
  deliveries: number;
}

/** What the back office page polls: the visitor's flows being watched, and their verdicts. */
export interface BackOfficeView {
  watching: { flowId: string; template?: string | undefined; createdAt: string }[];
  verdicts: BackOfficeVerdict[];
}

const MAX_VERDICTS = 1000;

/**
 * The demo's stand-in for a bank's back office: it receives every verdict through
 * `onFlowSettled` (server-side, whether or not a browser is still open) and keeps them by
 * `deliveryId`, as a real app keeps them under a unique key, so a repeated delivery is counted,
 * not shown twice. In memory, like the demo's in-process verdicts.
 */
export function createBackOffice() {
  const verdicts = new Map<string, BackOfficeVerdict & { personId: string }>();

  return {
    onFlowSettled(verdict: FlowVerdict): void {
      const known = verdicts.get(verdict.deliveryId);
      if (known) {
        known.deliveries++;
        return;
      }
      // A public demo runs for days: forget the oldest rather than grow without end.
      if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value as string);
      verdicts.set(verdict.deliveryId, {
        deliveryId: verdict.deliveryId,
        flowId: verdict.flowId,
        personId: verdict.personId,
        template: verdict.template,
        outcome: verdict.state === 'expired' ? 'expired' : (verdict.flow?.flow_status ?? 'unknown'),
        endCause: verdict.flow?.end_cause,
        settledAt: verdict.settledAt,
        receivedAt: new Date().toISOString(),
        deliveries: 1,
      });
    },

    /** One visitor's view: their flows only (a demo visitor never sees another's). */
    async viewFor(personId: string, ledger: Pick<FlowVerdicts, 'listByPerson'>): Promise<BackOfficeView> {
      const entries = await ledger.listByPerson(personId);
      return {
        watching: entries
          .filter((entry) => entry.state === 'open')
          .map(({ flowId, template, createdAt }) => ({ flowId, template, createdAt })),
        verdicts: [...verdicts.values()]
          .filter((verdict) => verdict.personId === personId)
          .reverse()
          .map(({ personId: _, ...shown }) => shown),
      };
    },
  };
}
