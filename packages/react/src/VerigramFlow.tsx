'use client';
import { type CSSProperties, lazy, Suspense } from 'react';
import { KitText } from './kitStrings.ts';
import { type UseVerigramFlowOptions, useVerigramFlow } from './useVerigramFlow.ts';

// Loaded on demand so neither the dialog, the error texts nor the QR encoder weighs on the entry.
const FlowModal = lazy(() => import('./FlowModal.tsx'));
const FlowError = lazy(() => import('./FlowError.tsx'));
const PhoneHandoff = lazy(() => import('./PhoneHandoff.tsx'));
const FlowWindowControls = lazy(() => import('./flowWindow.tsx'));

export interface VerigramFlowProps extends UseVerigramFlowOptions {
  /** Offer "continue on your phone": the vlink as a QR code; this page keeps tracking. @default false */
  showPhoneHandoff?: boolean | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

/**
 * Embeds a Verigram flow: creates it through the provider's client (or takes `flow`), shows the
 * hosted page, and calls `onComplete` once the server says the flow ended.
 * @example <VerigramFlow uiPreset="brand" onComplete={(flow, result) => …} />
 */
export function VerigramFlow({ showPhoneHandoff, className, style, ...options }: VerigramFlowProps) {
  const f = useVerigramFlow(options);
  const { status, mode, flow } = f;
  const t = f.strings;
  const body = (
    <div className={className} style={style} data-verigram-flow="" data-state={status}>
      {status === 'loading' && <p role="status">{t?.[KitText.Loading]}</p>}
      {status === 'error' && (
        <Suspense>
          <FlowError error={f.error} tracked={!!flow} locale={options.locale} onRetry={f.retry} />
        </Suspense>
      )}
      {(mode === 'popup' || mode === 'redirect') && (
        <Suspense>
          <FlowWindowControls status={status} locale={options.locale} onStart={f.start} />
        </Suspense>
      )}
      <div ref={f.frameRef} />
      {showPhoneHandoff && flow && status !== 'complete' && (
        <Suspense>
          <PhoneHandoff vlink={flow.vlink} locale={options.locale} />
        </Suspense>
      )}
    </div>
  );
  // The dialog closes by itself once the flow is decided (or cancelled).
  return options.mode === 'modal' && status !== 'idle' && status !== 'cancelled' && status !== 'complete' ? (
    <Suspense>
      <FlowModal locale={options.locale} onClose={f.cancel}>
        {body}
      </FlowModal>
    </Suspense>
  ) : (
    body
  );
}
