// Automation without clicking: tags after a `+` in the person id script what happens when the
// hosted page opens the flow (or at creation with `+auto`). The spec's PersonId pattern
// `^[a-zA-Z0-9_@.+-]*$` allows `+`, so these ids pass validation like any other.
//   alice+pass      every step passes            → flow_status pass, end_cause completed
//   alice+fail      every attempt fails          → flow_status fail, end_cause completed
//   alice+review    every step ends "unknown"    → flow_status unknown, end_cause completed
//   alice+timeout   the first step times out     → flow_status fail, end_cause timeout
//   alice+abandon   the user leaves              → flow_status fail, end_cause disconnected
//   alice+error     a system error on the first step → flow_status fail, end_cause failed
//   alice+suspicious   every step flagged (frontend `suspicious`) → flow_status unknown, completed
//   alice+blacklisted  the first step refuses a deny-listed person (`blacklisted`, no retry) → fail
//   alice+whitelisted  every step passes an allow-listed person (`whitelisted`) → pass
//   alice+reviewed  steps go to manual review, an operator approves → pass, check_type edited,
//                   session state `reviewed`
//   alice+rejected  the same, the operator rejects → fail, check_type edited
//   alice+auto      run the script at creation (default outcome pass), no page needed

export type ScriptOutcome =
  | 'pass'
  | 'fail'
  | 'unknown'
  | 'suspicious'
  | 'blacklisted'
  | 'whitelisted'
  | 'reviewed'
  | 'rejected'
  | 'timeout'
  | 'abandon'
  | 'error';

export interface PersonIdScript {
  outcome: ScriptOutcome;
  /** Run at creation instead of when the page opens. */
  atCreation: boolean;
}

const TAGS: Record<string, ScriptOutcome> = {
  pass: 'pass',
  fail: 'fail',
  review: 'unknown',
  timeout: 'timeout',
  abandon: 'abandon',
  error: 'error',
  suspicious: 'suspicious',
  blacklisted: 'blacklisted',
  whitelisted: 'whitelisted',
  reviewed: 'reviewed',
  rejected: 'rejected',
};

/** The script a person id asks for, or null when it carries no known tag. */
export function parseScriptedOutcome(personId: string): PersonIdScript | null {
  const tags = personId.toLowerCase().split('+').slice(1);
  let outcome: ScriptOutcome | undefined;
  let atCreation = false;
  for (const tag of tags) {
    if (tag === 'auto') atCreation = true;
    else if (TAGS[tag]) outcome = TAGS[tag];
  }
  if (!outcome && !atCreation) return null;
  return { outcome: outcome ?? 'pass', atCreation };
}
