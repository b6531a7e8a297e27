// Runtime copies of the spec's enums, typed against the generated unions so a spec change that
// adds or removes a member fails type-checking here (see constants.test.ts for the exact match).
import type {
  ExecutionStatus,
  FileLabel,
  FlowEndCause,
  FlowTheme,
  FrontendSessionStatus,
  LivenessError,
  Locale,
  ServiceName,
  StateName,
} from './schemas.ts';

export const API_VERSION = '2.0';
export const API_KEY_HEADER = 'X-Verigram-Api-Key';
export const API_VERSION_HEADER = 'X-Verigram-Api-Version';

export const LOCALES = ['kk', 'ru', 'en'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'en';
export const THEMES = ['default', 'bts'] as const satisfies readonly FlowTheme[];

export const SERVICE_NAMES = [
  'verilive',
  'verilive-one-shot',
  'verilive-infrared',
  'veriface',
  'veridoc',
  'kisc',
  'redoc',
  'egov-doc',
  'aml-cft',
  'flow-form',
  'consent',
  'veriphone',
  'esign',
  'kyc-list',
  'otp',
  'notification',
  'device-filter',
  'doc-preview',
  'doc-builder',
  'file-storage',
  'client-card',
  'erd',
  'interrupter',
  'language-selector',
  'amlcft-service',
] as const satisfies readonly ServiceName[];

export const FILE_LABELS = [
  'bestframe',
  'liveness_video',
  'liveness_alt_video',
  'liveness_frames',
  'doc_face_picture',
  'doc_signature_picture',
  'doc_original_front_img',
  'doc_original_back_img',
  'doc_original_img',
  'face_enroll_img',
  'face_verif_img',
  'egov_doc_pdf',
  'kisc_pii',
  'kisc_raw_content',
  'kisc_raw_headers',
  'signed_doc',
  'signed_docs',
  'certificate',
  'cert_status',
  'esign_original_doc',
  'client_card',
  'signed_doc_ticket',
  'doc_builder_template',
  'doc_builder_data',
  'doc_builder_pdf',
  'doc_builder_pdfs',
] as const satisfies readonly FileLabel[];

export const LIVENESS_ERRORS = [
  'timeout',
  'model_prediction',
  'no_face',
  'closed_eyes',
  'face_multiplicity_frame',
  'face_multiplicity_session',
  'face_in_blacklist',
  'face_in_graylist',
  'face_has_another_account',
  'device_in_blacklist',
  'high_velocity',
  'virtual_camera_risk',
  'desktop_session',
  'origin_country_rejected',
  'motion_inconsistency',
] as const satisfies readonly LivenessError[];

export const EXECUTION_STATUSES = ['pass', 'fail', 'unknown'] as const satisfies readonly ExecutionStatus[];
export const END_CAUSES = [
  'completed',
  'failed',
  'timeout',
  'disconnected',
] as const satisfies readonly FlowEndCause[];
export const STATE_NAMES = [
  'created',
  'processing',
  'processed',
  'reviewed',
] as const satisfies readonly StateName[];
export const FRONTEND_SESSION_STATUSES = [
  'approved',
  'denied',
  'suspicious',
  'reviewing',
  'expired',
  'failure',
  'active',
  'blacklisted',
  'whitelisted',
] as const satisfies readonly FrontendSessionStatus[];

/** PersonId schema: 6..48 characters of `[a-zA-Z0-9_@.+-]`. */
export const PERSON_ID_PATTERN = /^[a-zA-Z0-9_@.+-]{6,48}$/;
/** PipelineStep.timeout bounds and default, in seconds. */
export const STEP_TIMEOUT = { min: 10, max: 172800, default: 300 } as const;
/** PipelineStep.max_retries bounds and default. */
export const STEP_MAX_RETRIES = { min: 1, max: 10, default: 5 } as const;
/** Liveness2CreateSession.duration bounds, in seconds. */
export const LIVENESS_DURATION = { min: 120, max: 600 } as const;
/** Liveness2CreateSession.max_retries bounds and default. */
export const LIVENESS_MAX_RETRIES = { min: 0, max: 100, default: 3 } as const;
/** FlowEndCause: "the default five-minute inactivity threshold". */
export const INACTIVITY_DISCONNECT_MS = 300_000;
