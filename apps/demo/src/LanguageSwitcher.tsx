import { LOCALES, type Locale } from '@verigram-kit/core';
import { LOCALE_NAMES } from './demoStrings.ts';

export interface LanguageSwitcherProps {
  value: Locale;
  label: string;
  onChange(locale: Locale): void;
}

/** The demo's language: a radio group styled as a segmented control (arrow keys move, as radios do). */
export function LanguageSwitcher({ value, label, onChange }: LanguageSwitcherProps) {
  return (
    <fieldset className="segmented" aria-label={label}>
      <legend className="visually-hidden">{label}</legend>
      {LOCALES.map((locale) => (
        <label key={locale} className="segmented__option">
          <input
            type="radio"
            name="demo-language"
            value={locale}
            checked={value === locale}
            onChange={() => onChange(locale)}
          />
          <span aria-hidden="true">{locale.toUpperCase()}</span>
          <span className="visually-hidden" lang={locale}>
            {LOCALE_NAMES[locale]}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
