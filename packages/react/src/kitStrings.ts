import type { Locale } from '@verigram-kit/core';

// The kit's own strings on the main path, in kk, ru and en. English ships in the 2 kB
// <VerigramFlow> entry; Kazakh and Russian load on demand (kitStringsKkRu.ts), in parallel with
// the flow's creation, so they are there before the frame mounts or an error shows.
// Strings of the lazily loaded parts (modal, popup/redirect controls, QR, callback) live with them.

/**
 * The place of each text in {@link KitStrings}. A const enum: the build writes the bare index,
 * so naming the texts costs the entry no bytes (an object with named fields would).
 */
export enum KitText {
  FrameTitle = 0,
  Loading = 1,
  StartFailed = 2,
  Retry = 3,
}

export type KitStrings = readonly [frameTitle: string, loading: string, startFailed: string, retry: string];

export const EN_STRINGS: KitStrings = [
  'Identity verification',
  'Loading…',
  'Verification could not start.',
  'Try again',
];

export const loadKitStrings = (locale: Locale | undefined): Promise<KitStrings> | KitStrings =>
  locale === 'kk' || locale === 'ru'
    ? import('./kitStringsKkRu.ts').then((m) => m.default[locale])
    : EN_STRINGS;
