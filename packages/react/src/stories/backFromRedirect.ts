import { clearResume, type FlowHandle, RETURN_KEY, saveRedirectReturn } from '@verigram-kit/core';
import { RETURN_PARAM } from '@verigram-kit/core/internal';

/** Where this frame tried to go since the return was seeded (a redirect story must stay put). */
const exits: string[] = [];

let guarding = false;
// Redirect mode leaves with `location.assign(vlink)`, which would take the story's frame (and the
// story test with it) away: the Navigation API stops any cross-document navigation and records it,
// so a story that would leave fails on `attemptedExits()` instead of hanging.
function stayInFrame(event: Event) {
  const navigate = event as Event & { destination: { url: string; sameDocument: boolean } };
  if (navigate.destination.sameDocument) return;
  exits.push(navigate.destination.url);
  if (navigate.cancelable) navigate.preventDefault();
}

type NavigationTarget = { addEventListener: EventTarget['addEventListener'] } & EventTarget;
const navigation = () => (globalThis as { navigation?: NavigationTarget }).navigation;

/**
 * Puts this frame where the callback page leaves a person coming back from redirect mode: the
 * return entry written by core's own `saveRedirectReturn` (as `<VerigramFlow>` writes it before
 * leaving) and `?verigram_flow_id=` in the address. Returns the undo: the address as it was, the
 * entry gone, the guard off, so the next story starts clean.
 */
export function seedRedirectReturn(handle: FlowHandle): () => void {
  const before = location.href;
  saveRedirectReturn(handle, before);
  const back = new URL(before);
  back.searchParams.set(RETURN_PARAM, handle.flowId);
  history.replaceState(history.state, '', back);
  exits.length = 0;
  if (!guarding) navigation()?.addEventListener('navigate', stayInFrame);
  guarding = true;
  return () => {
    navigation()?.removeEventListener('navigate', stayInFrame);
    guarding = false;
    clearResume(RETURN_KEY);
    history.replaceState(history.state, '', before);
  };
}

/** The pages this frame tried to leave for since `seedRedirectReturn` (stopped, not followed). */
export function attemptedExits(): readonly string[] {
  return [...exits];
}
