import type { Locale } from '@verigram-kit/core';

// The kit's own strings on the main path (issue 4: kk, ru and en). English ships in the 2 kB
// <VerigramFlow> entry; Kazakh and Russian load on demand (kitStringsKkRu.ts), in parallel with
// the flow's creation, so they are there before the frame mounts or an error shows.
// Strings of the lazily loaded parts (modal, popup/redirect controls, QR, callback) live with them.
/** [frame title, loading, error, retry] */
export type KitStrings = readonly [string, string, string, string];

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
