// @verigram-kit/core: what the README documents. The typed Verigram API (constants, schemas,
// phases), the server client, the errors, the postMessage protocol, the FlowClient contract, the
// polling options and the embed pieces a browser kit is built from. The FlowConfigUi builder's
// helpers are in `@verigram-kit/core/ui`; what only the sibling packages share is in
// `@verigram-kit/core/internal`. tests/public-api snapshots each list.
export * from './api/constants.ts';
export type { FlowPhase } from './api/flowPhase.ts';
export { getFlowPhase, isTerminalFlow } from './api/flowPhase.ts';
export type { CurrentStep } from './api/getCurrentStep.ts';
export { getCurrentStep } from './api/getCurrentStep.ts';
export type * from './api/schemas.ts';
export { createVerigramClient } from './client/createVerigramClient.ts';
export type {
  CreateFlowInput,
  FlowConfigUiInput,
  FlowTemplateInput,
  LivenessSessionInput,
  PipelineStepInput,
} from './client/requestInputs.ts';
export type {
  VerigramClient,
  VerigramClientOptions,
  VerigramFetch,
  VerigramFetchInit,
  VerigramFile,
  VerigramRequestOptions,
  VerigramResponse,
} from './client/VerigramClient.ts';
export type { CompletionGate } from './embed/createCompletionGate.ts';
export { createCompletionGate } from './embed/createCompletionGate.ts';
export type { FlowEmbed, FlowEmbedOptions, FlowEmbedState } from './embed/createFlowEmbed.ts';
export { createFlowEmbed } from './embed/createFlowEmbed.ts';
export type { FlowEvent, FlowEventLog, FlowEventSource, FlowStepEvent } from './embed/createFlowEventLog.ts';
export { createFlowEventLog } from './embed/createFlowEventLog.ts';
export type { HostPageSecurityHeaders, HostPageSecurityOptions } from './embed/hostPageSecurityHeaders.ts';
export { hostPageSecurityHeaders } from './embed/hostPageSecurityHeaders.ts';
export type { FlowWindowListener } from './embed/listenToFlowWindow.ts';
export { listenToFlowWindow } from './embed/listenToFlowWindow.ts';
export type { FlowFrame } from './embed/mountFlowFrame.ts';
export { mountFlowFrame } from './embed/mountFlowFrame.ts';
export type { EmbedMode, PreflightOptions, PreflightResult } from './embed/preflightCamera.ts';
export { preflightCamera } from './embed/preflightCamera.ts';
export type { RedirectReturn } from './embed/redirectReturn.ts';
export { RETURN_KEY, returnedFlow, saveRedirectReturn } from './embed/redirectReturn.ts';
export { clearResume, readResume, writeResume } from './embed/resumeStore.ts';
export { runCallbackPage } from './embed/runCallbackPage.ts';
export type { ErrorBody } from './errors/errorBody.ts';
export { readErrorBody, toErrorBody } from './errors/errorBody.ts';
export type { KitErrorInit } from './errors/KitError.ts';
export { isKitError, KitError } from './errors/KitError.ts';
export type { KitErrorCode, VerigramApiErrorInit } from './errors/VerigramApiError.ts';
export { isVerigramApiError, VerigramApiError } from './errors/VerigramApiError.ts';
export type { FlowErrorCode, VerigramKitErrorInit } from './errors/VerigramKitError.ts';
export { VerigramKitError } from './errors/VerigramKitError.ts';
export type * from './FlowClient.ts';
export type { FlowPollingOptions, ResolvedPollingOptions } from './polling/pollingPolicy.ts';
export {
  DEFAULT_POLLING_OPTIONS,
  isFlowNotStartedError,
  resolvePollingOptions,
} from './polling/pollingPolicy.ts';
export type { RetryPolicy } from './polling/retryer.ts';
export { DEFAULT_RETRY_POLICY } from './polling/retryer.ts';
export * from './protocol/flowMessage.ts';
