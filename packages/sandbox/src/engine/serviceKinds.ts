// Which Verigram services are which kind, for the engine (what a session's result holds) and for
// the hosted page (which view a step shows). One list per kind, so both sides agree.

import type { ServiceName } from '@verigram-kit/core';

/** Liveness services: their sessions carry a `VeriliveResult`; the page shows the camera. */
export const LIVENESS_SERVICES: readonly ServiceName[] = [
  'verilive',
  'verilive-one-shot',
  'verilive-infrared',
];

/**
 * Document recognition services: a pass fills `FlowProjection.person_name`/`iin` ("populated if a
 * document recognition service was part of the flow and successfully extracted the name").
 */
export const NAME_EXTRACTING_SERVICES: readonly ServiceName[] = ['veridoc', 'redoc', 'egov-doc'];

/** Services whose step the page shows as a document capture: the recognisers, plus previews and face matching. */
export const DOCUMENT_SERVICES: readonly ServiceName[] = [
  ...NAME_EXTRACTING_SERVICES,
  'doc-preview',
  'kisc',
  'veriface',
];

/** Services whose step the page shows as a one-time code. */
export const OTP_SERVICES: readonly ServiceName[] = ['otp', 'veriphone'];

/** Services whose step the page shows as a form. */
export const FORM_SERVICES: readonly ServiceName[] = ['flow-form', 'client-card', 'doc-builder'];
