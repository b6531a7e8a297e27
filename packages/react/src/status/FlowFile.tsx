'use client';
import type { FileLabel, FlowPollingOptions, Locale } from '@verigram-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { type UseFlowFileResult, useFlowFile } from '../useFlowFile.ts';
import { type FlowStatusMessagesOverrides, formatMessage } from './flowStatusMessages.ts';
import { useFlowStatusMessages } from './loadFlowStatusMessages.ts';

export interface FlowFileProps extends Omit<ComponentPropsWithoutRef<'figure'>, 'children'> {
  /** The flow whose file to show. */
  flowId: string;
  /** Which file, e.g. `bestframe`. */
  label: FileLabel;
  /**
   * Text alternative of an image.
   * @default messages.fileAlt with the label
   */
  alt?: string | undefined;
  /**
   * Kazakh and Russian load on first use; until then the loading state shows, without text.
   * @default 'en'
   */
  locale?: Locale | undefined;
  /**
   * Overrides of any of the kit's strings for the locale (`fileLoading`, `fileMissing`, `fileError`, ...).
   * @default none
   */
  messages?: FlowStatusMessagesOverrides | undefined;
  /**
   * Read the file only once the flow ended: files exist once their step has run.
   * @default true
   */
  waitForTerminal?: boolean | undefined;
  /**
   * How the flow is polled while waiting, and how a failed read is retried.
   * @default DEFAULT_POLLING_OPTIONS
   */
  polling?: FlowPollingOptions | undefined;
  /**
   * Replaces the default rendering of every state.
   * @default undefined (the kit's image, link and notes)
   */
  children?: ((file: UseFlowFileResult) => ReactNode) | undefined;
}

/**
 * Shows a flow's file through the provider's client: an `<img>` for images, a download link
 * otherwise, with loading and error states, and a neutral note when the flow has no such file.
 * `data-state` is waiting | loading | success | missing | error.
 */
export const FlowFile = forwardRef<HTMLElement, FlowFileProps>(function FlowFile(
  { flowId, label, alt, locale = 'en', messages, waitForTerminal, polling, children, className, ...rest },
  ref,
) {
  const file = useFlowFile(flowId, label, { waitForTerminal, polling });
  const text = useFlowStatusMessages(locale, messages);
  // Until the locale's strings are there (kk, ru), the loading state, with no text in another language.
  const state = text || children || file.status === 'waiting' ? file.status : 'loading';
  let body: ReactNode;
  if (children) body = children(file);
  else if (text && file.status === 'success' && file.url && file.isImage)
    body = (
      <img
        className="vgk-flow-file__image"
        src={file.url}
        alt={alt ?? formatMessage(text.fileAlt, { label })}
      />
    );
  else if (text && file.status === 'success' && file.url)
    body = (
      <a className="vgk-flow-file__link" href={file.url} download={label}>
        {formatMessage(text.fileDownload, { label })}
      </a>
    );
  else if (text && file.status === 'missing')
    body = (
      <p className="vgk-flow-file__missing" role="status">
        {formatMessage(text.fileMissing, { label })}
      </p>
    );
  else if (text && file.status === 'error')
    body = (
      <p className="vgk-flow-file__error" role="alert">
        {text.fileError}
      </p>
    );
  else
    body = (
      <p className="vgk-flow-file__loading" role="status">
        {text?.fileLoading}
      </p>
    );
  return (
    <figure
      ref={ref}
      className={className ? `vgk-flow-file ${className}` : 'vgk-flow-file'}
      data-state={state}
      aria-busy={state === 'loading' || state === 'waiting'}
      lang={locale}
      {...rest}
    >
      {body}
    </figure>
  );
});
