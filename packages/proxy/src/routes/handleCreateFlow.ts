import { sha256Hex } from '../auth/crypto.ts';
import { flowTokenAnswer } from '../auth/requireFlowToken.ts';
import type { ProxyInput } from '../http/ProxyInput.ts';
import type { ProxyResult } from '../http/ProxyResult.ts';
import { readJsonBody } from '../http/readJsonBody.ts';
import { ID_PATTERN } from '../http/routeTable.ts';
import { limitCreation } from '../limits/enforceRateLimit.ts';
import { ProxyError } from '../ProxyError.ts';
import type { ProxyServices } from './ProxyServices.ts';
import { parseCreateFlowBody } from './parseCreateFlowBody.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `POST {mountPath}/flow`: counts the request against the user's and the IP's limits, turns the
 * browser's body into Verigram's CreateFlow (person_id from `authorize` only), creates the flow at
 * most once per Idempotency-Key, records it for server-side verdicts, and answers the flow with a
 * flow token.
 */
export async function handleCreateFlow(
  services: ProxyServices,
  input: ProxyInput,
  personId: string,
): Promise<ProxyResult> {
  const { settings, client, idempotency, log } = services;
  const idempotencyKey = input.header('idempotency-key');
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new ProxyError({
      status: 400,
      errorCode: 'INVALID_IDEMPOTENCY_KEY',
      errorMsg: 'Idempotency-Key must be 1..255 visible ASCII characters',
    });
  }
  const userHash = await sha256Hex(`person:${personId}`);
  await limitCreation(settings, 'flow', userHash, input);
  const body = await readJsonBody(input, settings.maxBodyBytes);
  const flowInput = parseCreateFlowBody(body, settings, settings.allowedCallbackOrigins ?? [input.origin]);
  const named = (body as { template?: unknown }).template;
  const templateName = typeof named === 'string' ? named : settings.defaultTemplate;
  const create = async () => {
    const created = await client.createFlow({ ...flowInput, person_id: personId });
    // Ids we could not route later would make the flow unreadable: refuse them now.
    if (
      typeof created.flow_id !== 'string' ||
      !ID_PATTERN.test(created.flow_id) ||
      typeof created.vlink !== 'string'
    ) {
      throw new ProxyError({
        status: 502,
        errorCode: 'UPSTREAM_MALFORMED',
        errorMsg: 'Verigram answered without a usable flow_id and vlink',
      });
    }
    log('info', 'flow created', { flowId: created.flow_id });
    return { flowId: created.flow_id, vlink: created.vlink };
  };
  const flow = idempotencyKey
    ? await idempotency.once(
        `idem:${userHash}:${await sha256Hex(idempotencyKey)}`,
        await sha256Hex(JSON.stringify(flowInput)),
        create,
      )
    : await create();
  // Also for a replayed Idempotency-Key: tracking twice keeps the first record.
  await trackFlow(services, { flowId: flow.flowId, vlink: flow.vlink, personId, template: templateName });
  return flowTokenAnswer(services.tokens, flow.flowId, flow.vlink, personId, 201);
}

/**
 * Records a created flow for server-side verdicts before the browser hears of it: a flow the
 * ledger misses is a verdict nobody learns. A passing store fault gets two more tries; after
 * that the request fails with 503 rather than hand out an unwatched flow (a retry with the same
 * Idempotency-Key replays the flow and records it then).
 */
async function trackFlow(
  { settings, log }: ProxyServices,
  flow: { flowId: string; vlink: string; personId: string; template: string | undefined },
): Promise<void> {
  const { verdicts } = settings;
  if (!verdicts) return;
  const { template, ...entry } = flow;
  for (let attempt = 1; ; attempt++) {
    try {
      await verdicts.track({ ...entry, ...(template === undefined ? {} : { template }) });
      return;
    } catch (error) {
      if (attempt >= 3) {
        log('error', 'verdicts: could not record a created flow', { flowId: flow.flowId, error });
        throw new ProxyError({
          status: 503,
          errorCode: 'VERDICTS_UNAVAILABLE',
          errorMsg:
            'The flow could not be recorded for server-side verdicts; retry (with the same Idempotency-Key)',
          headers: { 'retry-after': '1' },
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * 4 ** (attempt - 1)));
    }
  }
}
