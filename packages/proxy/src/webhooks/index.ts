export type { FlowVerdict } from '../verdicts/FlowVerdicts.ts';
export type { WebhookSenderOptions } from './createWebhookSender.ts';
export { createWebhookSender, WebhookDeliveryError } from './createWebhookSender.ts';
export { generateWebhookSecret } from './generateWebhookSecret.ts';
export type { VerigramWebhookPayload } from './VerigramWebhookPayload.ts';
export type { WebhookHeaders } from './verifyVerigramWebhook.ts';
export { VerigramWebhookError, verifyVerigramWebhook } from './verifyVerigramWebhook.ts';
