import type { ProxyCreateFlowResponse } from '@verigram-kit/core';
import type { ProxyInput } from '../http/ProxyInput.ts';
import { jsonResult, type ProxyResult } from '../http/ProxyResult.ts';
import { notFound, ProxyError } from '../ProxyError.ts';
import type { FlowTokenSigner } from './createFlowTokenSigner.ts';

/**
 * The flow a request's `Authorization: Bearer <flow_token>` proves this user owns; `flowId` (from
 * the path) must match it. Only a missing header and an expired token get their own 401: every
 * other failure (forged, tampered, another user's, another flow's) is the uniform 404, so none can
 * be told apart from a flow that does not exist.
 */
export async function requireFlowToken(
  tokens: FlowTokenSigner,
  mountPath: string,
  input: ProxyInput,
  personId: string,
  flowId?: string,
): Promise<string> {
  const header = input.header('authorization');
  // A missing header says nothing about any flow, so a clear 401 leaks nothing.
  if (!header)
    throw new ProxyError({
      status: 401,
      errorCode: 'FLOW_TOKEN_REQUIRED',
      errorMsg: 'Send Authorization: Bearer <flow_token>',
    });
  const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
  if (!match) throw notFound();
  const check = await tokens.verify(match[1] as string, personId);
  if (!check.ok) {
    if (check.reason === 'expired') {
      throw new ProxyError({
        status: 401,
        errorCode: 'FLOW_TOKEN_EXPIRED',
        errorMsg: `The flow token has expired; renew it with POST ${mountPath}/flow/{flow_id}/token`,
      });
    }
    throw notFound();
  }
  if (flowId !== undefined && check.claims.flowId !== flowId) throw notFound();
  return check.claims.flowId;
}

/** A flow with a fresh token for its owner: the answer of every route that hands out a flow. */
export async function flowTokenAnswer(
  tokens: FlowTokenSigner,
  flowId: string,
  vlink: string,
  personId: string,
  status: number,
): Promise<ProxyResult> {
  const { token, expiresAt } = await tokens.sign(flowId, personId);
  const body: ProxyCreateFlowResponse = {
    flow_id: flowId,
    vlink,
    flow_token: token,
    flow_token_expires_at: new Date(expiresAt).toISOString(),
  };
  return jsonResult(status, body);
}
