'use client';
import { useQuery } from '@tanstack/react-query';
import {
  type FileLabel,
  type FlowPollingOptions,
  isTerminalFlow,
  type VerigramApiError,
} from '@verigram-kit/core';
import { useEffect, useState } from 'react';
import { flowFileQueryOptions } from './queries/flowFileQueryOptions.ts';
import { useKitQueryClient } from './queries/useKitQueryClient.ts';
import { useFlow } from './useFlow.ts';
import { useFlowClient } from './VerigramProvider.tsx';

export interface UseFlowFileOptions {
  /**
   * Wait until the (polled) flow is terminal: files such as `bestframe` exist only once their
   * step has run. `false` reads the file at once.
   * @default true
   */
  waitForTerminal?: boolean | undefined;
  /** @default true */
  enabled?: boolean | undefined;
  /** @default DEFAULT_POLLING_OPTIONS */
  polling?: FlowPollingOptions | undefined;
}

export interface UseFlowFileResult {
  /**
   * `waiting` while the flow has not ended (with `waitForTerminal`); `missing` when the flow has no
   * file with this label (with `waitForTerminal: false`, also one whose step has not run yet);
   * `error` for a read that failed (the network, a 5xx, a lost token).
   */
  status: 'waiting' | 'loading' | 'success' | 'missing' | 'error';
  blob: Blob | undefined;
  /** An object URL for the Blob, owned by this component: revoked on unmount or when the Blob changes. */
  url: string | undefined;
  /** The Blob is an image (`image/*`), so it can go in an `<img>`. */
  isImage: boolean;
  error: VerigramApiError | undefined;
}

/** A file of the flow (e.g. `bestframe`) fetched through the provider's client as a Blob. */
export function useFlowFile(
  flowId: string,
  label: FileLabel,
  options: UseFlowFileOptions = {},
): UseFlowFileResult {
  const enabled = options.enabled ?? true;
  const waitForTerminal = options.waitForTerminal ?? true;
  const flow = useFlow(flowId, { polling: options.polling, enabled: enabled && waitForTerminal });
  const client = useFlowClient();
  const queryClient = useKitQueryClient('useFlowFile');
  const ready = !waitForTerminal || (flow.data !== undefined && isTerminalFlow(flow.data));
  const file = useQuery(
    { ...flowFileQueryOptions(client, flowId, label, options.polling), enabled: enabled && ready },
    queryClient,
  );

  const blob = file.data;
  const [url, setUrl] = useState<string | undefined>(undefined);
  // The URL is made in an effect, not during render, so a render that React throws away cannot
  // leak one, and the cleanup revokes exactly the URL this effect made.
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(undefined);
    };
  }, [blob]);

  let status: UseFlowFileResult['status'];
  // GET /resources/file answers 404 when no session of the flow wrote that label (the spec's
  // NotFound; the proxy's NOT_FOUND, the sandbox's FILE_NOT_FOUND): an answer, not a failure.
  if (file.status === 'error') status = file.error?.status === 404 ? 'missing' : 'error';
  else if (blob && url) status = 'success';
  else if (!ready && flow.status !== 'error') status = 'waiting';
  else if (!ready) status = 'error';
  else status = 'loading';

  return {
    status,
    blob,
    url: status === 'success' ? url : undefined,
    isImage: blob?.type.startsWith('image/') ?? false,
    error: file.error ?? (ready ? undefined : (flow.error ?? undefined)),
  };
}
