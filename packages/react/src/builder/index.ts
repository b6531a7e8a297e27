// `@verigram-kit/react/builder`: the FlowConfigUi builder. A separate entry so the <VerigramFlow>
// bundle never carries it.
export type { BuilderMessages } from './builderMessages.ts';
export { BUILDER_MESSAGES } from './builderMessages.ts';
export type { PreviewFrame, PreviewFrameOptions } from './createPreviewFrame.ts';
export { createPreviewFrame } from './createPreviewFrame.ts';
export type { FlowUiBuilderProps } from './FlowUiBuilder.tsx';
export { DEFAULT_PREVIEW_URL, FlowUiBuilder } from './FlowUiBuilder.tsx';
export type { FlowUiChangeDetail } from './useFlowUiDraftState.ts';
