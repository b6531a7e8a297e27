// The contract between the browser kit and whatever backend creates and reads flows.
// createProxyClient (react package) speaks the proxy's routes; the sandbox package ships an
// in-memory implementation; an app may write its own.
import type {
  FileLabel,
  Flow,
  FlowConfigUi,
  FlowInputData,
  FlowProjection,
  LivenessCreateSessionRequest,
  LivenessSession,
  Locale,
  SessionProjection,
} from './api/schemas.ts';

/** A created flow as the browser sees it. */
export interface FlowHandle {
  flowId: string;
  /** The hosted verification page. */
  vlink: string;
  /** Proof, for the proxy, that this browser's user owns the flow. Absent for backends without tokens. */
  flowToken?: string | undefined;
}

/** What the browser may ask for when creating a flow. The person id is never one of them. */
export interface CreateFlowOptions {
  /** @default 'en' */
  locale?: Locale | undefined;
  /** Name of a server-side pipeline template (proxy option `templates`). */
  template?: string | undefined;
  /** Name of a server-side `FlowConfigUi` preset (proxy option `uiPresets`). */
  uiPreset?: string | undefined;
  /** Raw UI config; refused by the proxy unless it runs with `allowClientUi`. */
  ui?: FlowConfigUi | undefined;
  /** Where the hosted page sends the user at the end; checked against the proxy's allowlist. */
  callbackUrl?: string | undefined;
  inputData?: FlowInputData | undefined;
  /** Same key, same user: the same flow, never two. */
  idempotencyKey?: string | undefined;
}

/** Body of the proxy's `POST /flow` (what createProxyClient sends). */
export interface ProxyCreateFlowBody {
  locale?: Locale;
  template?: string;
  ui_preset?: string;
  ui?: FlowConfigUi;
  callback_url?: string;
  input_data?: FlowInputData;
}

/** Answer of the proxy's `POST /flow` and `POST /flow/{id}/token`. */
export interface ProxyCreateFlowResponse {
  flow_id: string;
  vlink: string;
  flow_token: string;
  /** Expiry of `flow_token`, ISO 8601. */
  flow_token_expires_at: string;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

export interface FlowClient {
  createFlow(options: CreateFlowOptions, init?: RequestOptions): Promise<FlowHandle>;
  getFlow(flowId: string, init?: RequestOptions): Promise<Flow>;
  /** Rejects with a 404 VerigramApiError while the flow has not started (spec). */
  getFlowResult(flowId: string, init?: RequestOptions): Promise<FlowProjection>;
  /** A service session's journal; `flowId` names the flow (and its token) the session belongs to. */
  getSessionResult(flowId: string, sessionId: string, init?: RequestOptions): Promise<SessionProjection>;
  createLivenessSession(
    flowId: string,
    body: Omit<LivenessCreateSessionRequest, 'person_id' | 'flow_id'>,
    init?: RequestOptions,
  ): Promise<LivenessSession>;
  /** A file of the flow (e.g. `bestframe`) as a Blob. */
  getFile(flowId: string, label: FileLabel, init?: RequestOptions): Promise<Blob>;
  /** Remember a flow handle (e.g. resumed from storage) so later reads carry its token. */
  rememberFlow?(handle: FlowHandle): void;
  /**
   * The signed-in user's flow still in progress, as the server knows it (the proxy's
   * `GET /flows/current`), or null when there is none. Lets another tab or device continue that
   * flow instead of creating a second. Optional: without it, `<VerigramFlow resume="server">`
   * creates a flow as usual.
   */
  getCurrentFlow?(init?: RequestOptions): Promise<FlowHandle | null>;
}
