import type { KitStrings } from './kitStrings.ts';

/** kitStrings.ts's strings in Kazakh and Russian (lazy chunk). */
export default {
  kk: ['Жеке басты растау', 'Жүктелуде…'],
  ru: ['Проверка личности', 'Загрузка…'],
} satisfies Record<'kk' | 'ru', KitStrings>;
