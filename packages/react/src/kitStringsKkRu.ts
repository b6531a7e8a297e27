import type { KitStrings } from './kitStrings.ts';

/** kitStrings.ts's strings in Kazakh and Russian (lazy chunk). */
export default {
  kk: ['Жеке басты растау', 'Жүктелуде…', 'Тексеруді бастау мүмкін болмады.', 'Қайталау'],
  ru: ['Проверка личности', 'Загрузка…', 'Не удалось начать проверку.', 'Повторить'],
} satisfies Record<'kk' | 'ru', KitStrings>;
