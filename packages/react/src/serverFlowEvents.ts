// A chunk boundary: the step-event log (core's createFlowEventLog and the current-step reading it
// uses) is fetched only by an app that listens for steps or events (onStep, onEvent), beside the
// flow's creation; an app that only waits for onComplete never downloads it.
export { createFlowEventLog } from '@verigram-kit/core';
