export type { CurrentStep, FlowEvent, FlowEventSource, FlowStepEvent } from '@verigram-kit/core';
export type { ProxyClientOptions } from './createProxyClient.ts';
export { createProxyClient } from './createProxyClient.ts';
export { popupMode, redirectMode } from './flowWindow.tsx';
export type { PhoneHandoffProps } from './PhoneHandoff.tsx';
export { PhoneHandoff } from './PhoneHandoff.tsx';
export { flowFileQueryOptions } from './queries/flowFileQueryOptions.ts';
export { flowQueryKeys } from './queries/flowQueryKeys.ts';
export { flowQueryOptions } from './queries/flowQueryOptions.ts';
export { flowResultQueryOptions } from './queries/flowResultQueryOptions.ts';
export { flowStepResultQueryOptions } from './queries/flowStepResultQueryOptions.ts';
export { getFlowOutcome } from './status/describeFlow.ts';
export type { FlowFileProps } from './status/FlowFile.tsx';
export { FlowFile } from './status/FlowFile.tsx';
export type { FlowStatusProps } from './status/FlowStatus.tsx';
export { FlowStatus } from './status/FlowStatus.tsx';
export { FlowStatusAnnouncer } from './status/FlowStatusAnnouncer.tsx';
export type { FlowStatusBadgeProps } from './status/FlowStatusBadge.tsx';
export { FlowStatusBadge } from './status/FlowStatusBadge.tsx';
export type { FlowStatusTimelineProps } from './status/FlowStatusTimeline.tsx';
export { FlowStatusTimeline } from './status/FlowStatusTimeline.tsx';
export type {
  CheckKind,
  CheckResult,
  FlowOutcome,
  FlowStatusMessages,
  FlowStatusMessagesOverrides,
} from './status/flowStatusMessages.ts';
export { FLOW_STATUS_MESSAGES_EN } from './status/flowStatusMessages.ts';
export { loadFlowStatusMessages } from './status/loadFlowStatusMessages.ts';
export type { UseFlowOptions } from './useFlow.ts';
export { useFlow } from './useFlow.ts';
export type { UseFlowFileOptions, UseFlowFileResult } from './useFlowFile.ts';
export { useFlowFile } from './useFlowFile.ts';
export type { UseFlowResultOptions } from './useFlowResult.ts';
export { useFlowResult } from './useFlowResult.ts';
export type {
  FlowConnection,
  FlowStatusState,
  UseFlowStatusOptions,
  UseFlowStatusResult,
} from './useFlowStatus.ts';
export { useFlowStatus } from './useFlowStatus.ts';
export type {
  UseVerigramFlowOptions,
  VerigramFlowController,
  VerigramFlowError,
  VerigramFlowStatus,
} from './useVerigramFlow.ts';
export { DEFAULT_ALLOW, useVerigramFlow } from './useVerigramFlow.ts';
export type { VerigramFlowProps } from './VerigramFlow.tsx';
export { VerigramFlow } from './VerigramFlow.tsx';
export type { VerigramProviderProps } from './VerigramProvider.tsx';
export { useFlowClient, VerigramProvider } from './VerigramProvider.tsx';
export type { VerigramFlowMode } from './verigramFlowModes.ts';
export { autoMode, modalMode } from './verigramFlowModes.ts';
