'use client';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import type { FlowStatusState } from '../useFlowStatus.ts';

export interface FlowStatusBadgeProps extends ComponentPropsWithoutRef<'span'> {
  state: FlowStatusState;
}

/** The overall status as a badge; style it through `[data-state]`. */
export const FlowStatusBadge = forwardRef<HTMLSpanElement, FlowStatusBadgeProps>(function FlowStatusBadge(
  { state, className, ...rest },
  ref,
) {
  return (
    <span
      ref={ref}
      className={className ? `vgk-flow-status__badge ${className}` : 'vgk-flow-status__badge'}
      data-state={state}
      {...rest}
    />
  );
});
