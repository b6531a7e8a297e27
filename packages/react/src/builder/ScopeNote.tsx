'use client';
import type { ReactNode } from 'react';
import type { BuilderMessages } from './builderMessages.ts';

/**
 * A line saying where a part of the builder holds: `spec` for what Verigram's spec defines (the
 * five FlowConfigUi fields), `sandbox` for what only the kit's sandbox page is known to read.
 */
export function ScopeNote({
  scope,
  messages,
  id,
  children,
}: {
  scope: 'spec' | 'sandbox';
  messages: BuilderMessages;
  id?: string | undefined;
  children: ReactNode;
}) {
  return (
    <p id={id} className="vgb-scope" data-scope={scope}>
      <span className="vgb-badge">{scope === 'spec' ? messages.specBadge : messages.sandboxBadge}</span>{' '}
      {children}
    </p>
  );
}
