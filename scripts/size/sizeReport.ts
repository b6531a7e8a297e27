import type { MeasuredApp } from './measureApps.ts';

/** One figure of `pnpm size`: an app's download above its baseline app's. */
export interface SizeCheck {
  name: string;
  app: string;
  baseline: string;
  /** Bytes gzip; over it the check fails. None: reported only (the peers). */
  budget?: number | undefined;
  /** Where the figure should get to; reported beside it, failing nothing (the budget does). */
  goal?: number | undefined;
  /** Fails unless the figure is below every peer's. */
  belowPeers?: boolean | undefined;
  /** A peer, the kit is compared with. */
  peer?: boolean | undefined;
}

export interface SizeRow {
  check: SizeCheck;
  bytes: number;
  /** Why the check fails; empty when it passes. */
  problems: string[];
}

/** Each check's figure (its app's bytes minus its baseline's) and the budgets it breaks. */
export function sizeReport(checks: SizeCheck[], measured: MeasuredApp[]): SizeRow[] {
  const bytesOf = (name: string) => {
    const app = measured.find((m) => m.name === name);
    if (!app) throw new Error(`no measure of the app ${name}`);
    return app.bytes;
  };
  const rows = checks.map((check) => ({
    check,
    bytes: bytesOf(check.app) - bytesOf(check.baseline),
    problems: [check.app, check.baseline].flatMap((name) => {
      const error = measured.find((m) => m.name === name)?.error;
      return error ? [`${name}: ${error}`] : [];
    }),
  }));
  // A peer that cannot be measured (it fails to install or build) is reported, and compared with
  // nothing.
  const peers = rows.filter((r) => r.check.peer && !Number.isNaN(r.bytes));
  for (const row of rows) {
    const { budget, belowPeers } = row.check;
    if (budget !== undefined && row.bytes > budget) row.problems.push(`over its budget of ${budget} B`);
    if (belowPeers)
      for (const peer of peers)
        if (peer.bytes <= row.bytes) row.problems.push(`not below ${peer.check.name} (${peer.bytes} B)`);
  }
  return rows;
}
