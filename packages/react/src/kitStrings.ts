import { createLocaleLoader } from './createLocaleLoader.ts';

// The kit's own strings on the main path, in kk, ru and en. English ships in the 2 kB
// <VerigramFlow> entry; Kazakh and Russian load on demand (kitStringsKkRu.ts), in parallel with
// the flow's creation, so they are there before the frame mounts or an error shows.
// Strings of the lazily loaded parts (the error state, modal, popup/redirect controls, QR,
// callback) live with them.

/**
 * The place of each text in {@link KitStrings}. A const enum: the build writes the bare index,
 * so naming the texts costs the entry no bytes (an object with named fields would).
 */
export enum KitText {
  FrameTitle = 0,
  Loading = 1,
}

export type KitStrings = readonly [frameTitle: string, loading: string];

export const kitStrings = createLocaleLoader<KitStrings>(['Identity verification', 'Loading…'], (locale) =>
  import('./kitStringsKkRu.ts').then((m) => m.default[locale]),
);
