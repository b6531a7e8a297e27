// Node-only entry (`@verigram-kit/sandbox/server`): startSandbox, the HTTP servers over node:http,
// and its types, as the README documents them.

export type { PageMessages, RunningSandbox, StartSandboxOptions } from './startSandbox.ts';
export { startSandbox } from './startSandbox.ts';
export type { SandboxFaults } from './withFaults.ts';
