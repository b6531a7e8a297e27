'use client';
import type { FlowConfigUi } from '@verigram-kit/core';
import {
  type CheckFlowUiOptions,
  checkFlowUiDraft,
  createFlowUiDraft,
  type FlowUiDraft,
  type FlowUiIssue,
  importFlowUi,
  toFlowConfigUi,
} from '@verigram-kit/core/ui';
import { useCallback, useRef, useState } from 'react';

export interface FlowUiChangeDetail {
  /** The builder's working model (brand tokens kept apart from the free CSS). */
  draft: FlowUiDraft;
  /** checkFlowUiDraft of the new draft. */
  issues: FlowUiIssue[];
}

const sameUi = (a: FlowConfigUi | undefined, b: FlowConfigUi | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Controlled when `value` is given, uncontrolled otherwise. The draft is what the inputs edit; a
 * `value` is re-imported only when it differs from what the builder last emitted, so text the
 * FlowConfigUi cannot hold (a CSS textarea's trailing newline) survives the round trip.
 */
export function useFlowUiDraftState(
  value: FlowConfigUi | undefined,
  defaultValue: FlowConfigUi | undefined,
  onChange: ((ui: FlowConfigUi, detail: FlowUiChangeDetail) => void) | undefined,
  validation: CheckFlowUiOptions | undefined,
) {
  const [draft, setDraft] = useState<FlowUiDraft>(() => {
    const initial = value ?? defaultValue;
    return initial ? importFlowUi(initial) : createFlowUiDraft();
  });
  const emitted = useRef<FlowConfigUi | undefined>(value ?? defaultValue);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // Controlled: follow a value the parent changed itself (an import, a reset, a preset switch).
  let current = draft;
  if (value !== undefined && !sameUi(value, emitted.current)) {
    emitted.current = value;
    current = importFlowUi(value);
    setDraft(current);
  }

  const validationRef = useRef(validation);
  validationRef.current = validation;
  // Cheap (a few dozen keys and one CSS scan), so recomputed each render rather than memoised on
  // an options object callers tend to write inline.
  const issues = checkFlowUiDraft(current, validation);

  const update = useCallback((next: FlowUiDraft) => {
    const ui = toFlowConfigUi(next);
    emitted.current = ui;
    setDraft(next);
    onChangeRef.current?.(ui, { draft: next, issues: checkFlowUiDraft(next, validationRef.current) });
  }, []);

  return { draft: current, issues, update };
}
