export type { VerigramProviderProps } from './VerigramProvider.tsx';
export { useFlowClient, VerigramProvider } from './VerigramProvider.tsx';
