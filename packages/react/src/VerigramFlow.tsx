'use client';
import { type ComponentType, type CSSProperties, lazy, Suspense } from 'react';
import { KitText } from './kitStrings.ts';
import type { PhoneHandoffProps } from './PhoneHandoff.tsx';
import { type UseVerigramFlowOptions, useVerigramFlow } from './useVerigramFlow.ts';

// The error state's texts (every reason, in three languages) outweigh the bundler's preload helper
// that loading them on demand brings along (measured by `pnpm size`): fetched only when an error shows.
const FlowError = lazy(() => import('./FlowError.tsx'));

export interface VerigramFlowProps extends UseVerigramFlowOptions {
  /**
   * Offer "continue on your phone": pass this package's `PhoneHandoff` (the vlink as a QR code; this
   * page keeps tracking). Imported by the app, so an app that offers none carries no QR encoder.
   * @default undefined (none)
   * @example
   * ```tsx
   * <VerigramFlow phoneHandoff={PhoneHandoff} />
   * ```
   */
  phoneHandoff?: ComponentType<PhoneHandoffProps> | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

/**
 * Embeds a Verigram flow: creates it through the provider's client (or takes `flow`), shows the
 * hosted page, and calls `onComplete` once the server says the flow ended.
 * @example
 * ```tsx
 * <VerigramFlow uiPreset="brand" onComplete={(flow, result) => …} />
 * ```
 */
export function VerigramFlow({ phoneHandoff: Handoff, className, style, ...options }: VerigramFlowProps) {
  const f = useVerigramFlow(options);
  const { status, flow } = f;
  const t = f.strings;
  const Controls = options.mode?.Controls;
  const Dialog = options.mode?.Dialog;
  const body = (
    <div className={className} style={style} data-verigram-flow="" data-state={status}>
      {status === 'loading' && <p role="status">{t[KitText.Loading]}</p>}
      {status === 'error' && (
        <Suspense>
          <FlowError error={f.error} tracked={!!flow} locale={options.locale} onRetry={f.retry} />
        </Suspense>
      )}
      {Controls && (f.mode === 'popup' || f.mode === 'redirect') && (
        <Controls status={status} locale={options.locale} onStart={f.start} />
      )}
      <div ref={f.frameRef} />
      {Handoff && flow && status !== 'complete' && <Handoff vlink={flow.vlink} locale={options.locale} />}
    </div>
  );
  // The dialog closes by itself once the flow is decided (or cancelled).
  return Dialog && status !== 'idle' && status !== 'cancelled' && status !== 'complete' ? (
    <Dialog locale={options.locale} onClose={f.cancel}>
      {body}
    </Dialog>
  ) : (
    body
  );
}
