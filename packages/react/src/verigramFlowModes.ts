import { type EmbedMode, type FlowHandle, preflightCamera } from '@verigram-kit/core';
import type { ComponentType } from 'react';
import FlowModal, { type FlowModalProps } from './FlowModal.tsx';
import type { FlowSessionHost, FlowWindows } from './flowSession.ts';
import FlowWindowControls, { createFlowWindows, type FlowWindowControlsProps } from './flowWindow.tsx';

// Each mode is a value the app imports, so a bundler drops every mode the app does not use: an
// inline-only app carries neither the dialog, the window code nor the camera pre-flight, and
// nothing is loaded later through a dynamic import (which would bring the bundler's preload
// helper, larger than what it defers).

/**
 * How `<VerigramFlow>` shows the hosted page when not inline: {@link modalMode}, {@link popupMode},
 * {@link redirectMode} or {@link autoMode}. Inline (an iframe in place) is the default and needs none.
 */
export interface VerigramFlowMode {
  /** The mode's name, as `controller.mode` reports it once known (`auto` resolves to another). */
  readonly name: 'modal' | 'popup' | 'redirect' | 'auto';
  /** @internal The dialog around the frame (modal). */
  readonly Dialog?: ComponentType<FlowModalProps> | undefined;
  /** @internal The start button and the note while the window is open (popup, redirect). */
  readonly Controls?: ComponentType<FlowWindowControlsProps> | undefined;
  /** @internal Opens and watches the window, or leaves for the hosted page (popup, redirect, auto). */
  readonly windows?: ((host: FlowSessionHost) => FlowWindows) | undefined;
  /** @internal What the mode becomes for this flow (auto: what the camera pre-flight allows). */
  readonly pick?: ((handle: FlowHandle, allow: string) => EmbedMode) | undefined;
}

/** The iframe in a dialog: focus trapped inside, closing asks first, focus returned on close. */
export const modalMode: VerigramFlowMode = { name: 'modal', Dialog: FlowModal };

/** A button opens the hosted page in a window of its own (where frames get no camera). */
export const popupMode: VerigramFlowMode = {
  name: 'popup',
  Controls: FlowWindowControls,
  windows: createFlowWindows,
};

/**
 * The whole tab goes to the hosted page and comes back through the callback page
 * (`<VerigramCallback>` or the kit's `callback.html`), which returns to the page that started it.
 */
export const redirectMode: VerigramFlowMode = {
  name: 'redirect',
  Controls: FlowWindowControls,
  windows: createFlowWindows,
};

/**
 * A camera pre-flight picks inline, else popup, else redirect; a camera error reported by the
 * inline page also moves on to popup, a blocked popup to redirect.
 */
export const autoMode: VerigramFlowMode = {
  name: 'auto',
  Controls: FlowWindowControls,
  windows: createFlowWindows,
  pick: (handle, allow) => preflightCamera({ allow, frameOrigin: new URL(handle.vlink).origin }).mode,
};
