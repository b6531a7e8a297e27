'use client';
import { type ComponentPropsWithoutRef, type CSSProperties, forwardRef } from 'react';

// Inline, so the region stays off-screen without the kit's stylesheet.
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * The polite live region: present from the first render (a region inserted with its text is not
 * announced), its text replaced when the status changes, so screen readers hear each change once.
 */
export const FlowStatusAnnouncer = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function FlowStatusAnnouncer({ className, style, ...rest }, ref) {
    return (
      <div
        ref={ref}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={className ? `vgk-flow-status__announcer ${className}` : 'vgk-flow-status__announcer'}
        style={{ ...visuallyHidden, ...style }}
        {...rest}
      />
    );
  },
);
