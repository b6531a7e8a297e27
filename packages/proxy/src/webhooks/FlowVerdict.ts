// One definition of the verdict: the one `createFlowVerdicts` hands to `onFlowSettled`.
export type { FlowVerdict } from '../verdicts/FlowVerdicts.ts';
