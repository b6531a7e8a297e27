import type { Locale } from '@verigram-kit/core';

// The kit's own strings on the main path, in kk, ru and en, all in the bundle: two short texts
// weigh less than the bundler's preload helper that loading Kazakh and Russian on demand would
// bring along. Strings of the other parts (the error state, modal, popup/redirect controls, QR,
// callback) live with them.

/**
 * The place of each text in {@link KitStrings}. A const enum: the build writes the bare index,
 * so naming the texts costs the bundle no bytes (an object with named fields would).
 */
export enum KitText {
  FrameTitle = 0,
  Loading = 1,
}

export type KitStrings = readonly [frameTitle: string, loading: string];

const STRINGS: Record<Locale, KitStrings> = {
  en: ['Identity verification', 'Loading…'],
  ru: ['Проверка личности', 'Загрузка…'],
  kk: ['Жеке басты растау', 'Жүктелуде…'],
};

/** The kit's strings in `locale` (English for a locale it does not know). */
export const kitStringsFor = (locale: Locale | undefined): KitStrings =>
  STRINGS[locale ?? 'en'] ?? STRINGS.en;
