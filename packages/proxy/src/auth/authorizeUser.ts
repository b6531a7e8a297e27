import { PERSON_ID_PATTERN } from '@verigram-kit/core';
import type { ProxyLogger } from '../createRedactingLogger.ts';
import type { ProxyInput } from '../http/ProxyInput.ts';
import { ProxyError } from '../ProxyError.ts';
import type { ProxyUser, VerigramProxyOptions } from '../VerigramProxyOptions.ts';

/** What a valid person id is, and how to make one: the message of `500 INVALID_PERSON_ID`. */
export const PERSON_ID_RULE =
  "The server's authorize must return a personId of 6 to 48 characters of [a-zA-Z0-9_@.+-]; " +
  'derive one from any user id with personIdFor(userId, secret) from @verigram-kit/proxy';

/**
 * The person behind a request, as the host app's `authorize` names them: the only source of
 * Verigram's `person_id`. The adapter's own lookup (toNodeHandler's `authorize`) wins over the
 * proxy's; with neither the request is refused (fail closed), and so is an id Verigram would refuse.
 */
export async function authorizeUser(
  input: ProxyInput,
  authorize: VerigramProxyOptions['authorize'],
  log: ProxyLogger,
): Promise<string> {
  let user: ProxyUser | null;
  if (input.authorize) user = await input.authorize();
  else if (authorize) user = await authorize(input.request());
  else {
    log('error', 'no authorize: pass it to createVerigramProxy (or to toNodeHandler)', {});
    throw new ProxyError({
      status: 500,
      errorCode: 'AUTHORIZE_NOT_CONFIGURED',
      errorMsg: 'The proxy has no authorize; see its log',
    });
  }
  if (!user)
    throw new ProxyError({ status: 401, errorCode: 'UNAUTHENTICATED', errorMsg: 'Sign in to the app first' });
  if (typeof user.personId !== 'string' || !PERSON_ID_PATTERN.test(user.personId)) {
    // The host app's ids do not fit Verigram's PersonId (spec schema PersonId): a developer must map
    // them, so the message says how. Refused here, before Verigram is asked anything.
    log('error', `authorize returned a personId Verigram refuses. ${PERSON_ID_RULE}`, {
      personIdType: typeof user.personId,
      personIdLength: typeof user.personId === 'string' ? user.personId.length : undefined,
    });
    throw new ProxyError({ status: 500, errorCode: 'INVALID_PERSON_ID', errorMsg: PERSON_ID_RULE });
  }
  return user.personId;
}
