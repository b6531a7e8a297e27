// A FlowClient that runs the sandbox engine in the page itself: Storybook's static build,
// component tests and offline demos need no server. Its vlinks are blob: URLs of the sandbox's
// hosted page (the one its server renders); a blob document has its creator's origin, so the
// embedder's origin checks hold, and the page's script reaches the engine through a registry on
// its same-origin parent or opener.
// There is no API origin here (no HTTP at all), so the two-origin split of startSandbox has no
// counterpart: the vlink's origin is the app's own, and code must still take it from the vlink.

import type {
  CreateFlowOptions,
  FileLabel,
  Flow,
  FlowClient,
  FlowConfigUi,
  FlowHandle,
  FlowProjection,
  FlowTemplate,
  LivenessCreateSessionRequest,
  LivenessSession,
  PipelineStep,
  RequestOptions,
  SessionProjection,
} from '@verigram-kit/core';
import { isTerminalFlow, VerigramApiError } from '@verigram-kit/core';
import { randomUuid } from '../engine/createIdGenerator.ts';
import { SandboxEngine, type SandboxEngineOptions } from '../engine/SandboxEngine.ts';
import { isSandboxError } from '../engine/SandboxError.ts';
import { renderHostedPage } from '../page/renderHostedPage.ts';

type TemplateInput = Omit<FlowTemplate, 'pipeline' | 'ui'> & {
  pipeline: Partial<PipelineStep>[];
  ui?: Partial<FlowConfigUi>;
};

export interface InMemoryClientOptions {
  /** Engine to use (share one between clients or inspect it in tests). @default a new SandboxEngine(engineOptions) */
  engine?: SandboxEngine;
  /** Options of the engine created when `engine` is not given. @default {} */
  engineOptions?: Omit<SandboxEngineOptions, 'vlinkFor'>;
  /** Key the client acts with. @default 'sandbox-test-key' */
  apiKey?: string;
  /** Person id of created flows (a proxy would take it from the session); `+fail` etc. script outcomes. @default 'sandbox-user' */
  personId?: string;
  /** Named pipeline templates (like the proxy's `templates` option). @default {} */
  templates?: Record<string, TemplateInput>;
  /** Named FlowConfigUi presets (like the proxy's `uiPresets` option). @default {} */
  uiPresets?: Record<string, Partial<FlowConfigUi>>;
  /** Simulated network latency of every call, in ms. @default 0 */
  latencyMs?: number;
  /** `'off'`: the hosted page posts no messages, like Verigram's real page (see startSandbox). @default 'on' */
  pageMessages?: 'on' | 'off';
}

export interface InMemoryClient extends FlowClient {
  readonly engine: SandboxEngine;
  /** Revokes the blob vlinks and unregisters the page bridge. */
  dispose(): void;
}

type Bridge = (flowId: string, action: unknown) => unknown;
const REGISTRY = '__verigramSandbox__';

function registry(): Record<string, Bridge> {
  const g = globalThis as unknown as Record<string, Record<string, Bridge> | undefined>;
  g[REGISTRY] ??= {};
  return g[REGISTRY];
}

const canMakeBlobUrls = () => typeof Blob === 'function' && typeof URL.createObjectURL === 'function';

export function createInMemoryClient(options: InMemoryClientOptions = {}): InMemoryClient {
  const bridgeKey = randomUuid();
  const blobUrls: string[] = [];
  const vlinkFor = (flowId: string) => {
    if (!canMakeBlobUrls()) return `about:blank#verigram-sandbox/${flowId}`;
    const html = renderHostedPage({
      mode: 'bridge',
      bridgeKey,
      flowId,
      postMessages: options.pageMessages !== 'off',
    });
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    blobUrls.push(url);
    return url;
  };
  const engine = options.engine ?? new SandboxEngine({ ...options.engineOptions, vlinkFor });
  const apiKey = options.apiKey ?? 'sandbox-test-key';
  const personId = options.personId ?? 'sandbox-user';
  const idempotent = new Map<string, FlowHandle>();
  // A vlink made by a shared engine's own vlinkFor would not reach this bridge; keep ours per flow.
  const vlinks = new Map<string, string>();
  // The page runs in this browser: its User-Agent is the device's (FlowInputMeta.initial_device_type).
  registry()[bridgeKey] = (flowId, action) =>
    engine.pageAction(flowId, action, {
      userAgent: typeof navigator === 'undefined' ? undefined : navigator.userAgent,
    });

  async function call<T>(init: RequestOptions | undefined, run: () => T, copy = true): Promise<T> {
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (init?.signal?.aborted)
      throw new VerigramApiError({ status: 0, errorCode: 'ABORTED', errorMsg: 'The request was aborted' });
    try {
      // A copy, so callers never hold the engine's objects.
      const value = run();
      return copy ? (JSON.parse(JSON.stringify(value)) as T) : value;
    } catch (err) {
      if (isSandboxError(err))
        throw new VerigramApiError({
          status: err.status,
          errorCode: err.errorCode,
          errorMsg: err.errorMsg,
          cause: err,
        });
      throw err;
    }
  }

  function body(o: CreateFlowOptions): Record<string, unknown> {
    const out: Record<string, unknown> = { person_id: personId, locale: o.locale ?? 'en' };
    if (o.callbackUrl) out.callback_url = o.callbackUrl;
    if (o.inputData) out.input_data = o.inputData;
    let template: TemplateInput | undefined;
    if (o.template !== undefined) {
      template = options.templates?.[o.template];
      if (!template) {
        // Names the engine itself knows (builtin templates) are passed as template_id.
        out.template_id = o.template;
      }
    }
    const preset = o.uiPreset !== undefined ? options.uiPresets?.[o.uiPreset] : undefined;
    if (o.uiPreset !== undefined && !preset)
      throw new VerigramApiError({
        status: 422,
        errorCode: 'UNKNOWN_UI_PRESET',
        errorMsg: `Unknown uiPreset "${o.uiPreset}"`,
      });
    const ui = preset || o.ui ? { ...preset, ...o.ui } : undefined;
    if (ui)
      template = {
        ...(template ?? { pipeline: [{ service_name: 'consent' }, { service_name: 'verilive' }] }),
        ui,
      };
    if (template) out.template = template;
    return out;
  }

  return {
    engine,
    createFlow(o, init) {
      const known = o.idempotencyKey ? idempotent.get(o.idempotencyKey) : undefined;
      if (known) return Promise.resolve({ ...known });
      return call(init, () => {
        const created = engine.createFlow(apiKey, body(o));
        const vlink = options.engine ? vlinkFor(created.flow_id) : created.vlink;
        vlinks.set(created.flow_id, vlink);
        const handle: FlowHandle = { flowId: created.flow_id, vlink };
        if (o.idempotencyKey) idempotent.set(o.idempotencyKey, handle);
        return handle;
      });
    },
    getFlow: (flowId, init): Promise<Flow> =>
      call(init, () => {
        const flow = engine.getFlow(apiKey, flowId);
        return { ...flow, vlink: vlinks.get(flowId) ?? flow.vlink };
      }),
    getFlowResult: (flowId, init): Promise<FlowProjection> =>
      call(init, () => engine.getFlowResult(apiKey, flowId)),
    getSessionResult: (_flowId, sessionId, init): Promise<SessionProjection> =>
      call(init, () => engine.getSessionResult(apiKey, sessionId)),
    createLivenessSession: (
      flowId: string,
      req: Omit<LivenessCreateSessionRequest, 'person_id' | 'flow_id'>,
      init?: RequestOptions,
    ): Promise<LivenessSession> =>
      call(init, () => {
        const flow = engine.getFlow(apiKey, flowId);
        return engine.createLivenessSession(apiKey, { ...req, person_id: flow.person_id, flow_id: flowId });
      }),
    getFile: (flowId: string, label: FileLabel, init?: RequestOptions): Promise<Blob> =>
      call(
        init,
        () => {
          const file = engine.getFile(apiKey, { label, flow_id: flowId });
          return new Blob([file.bytes.slice()], { type: file.contentType });
        },
        false,
      ),
    rememberFlow(handle) {
      vlinks.set(handle.flowId, handle.vlink);
    },
    // As the proxy's GET /flows/current: this person's newest flow still in progress under this
    // key, or none. Another client sharing the engine (another "tab") finds it too.
    getCurrentFlow: (init) =>
      call(init, () => {
        const mine = (flow: Flow) => {
          if (flow.person_id !== personId || isTerminalFlow(flow)) return false;
          try {
            engine.getFlow(apiKey, flow.flow_id);
            return true;
          } catch {
            return false; // another consumer's flow
          }
        };
        const flow = engine.listFlows().find(mine);
        if (!flow) return null;
        let vlink = vlinks.get(flow.flow_id);
        if (vlink === undefined) {
          vlink = options.engine ? vlinkFor(flow.flow_id) : flow.vlink;
          vlinks.set(flow.flow_id, vlink);
        }
        return { flowId: flow.flow_id, vlink };
      }),
    dispose() {
      delete registry()[bridgeKey];
      for (const url of blobUrls.splice(0)) URL.revokeObjectURL(url);
    },
  };
}
