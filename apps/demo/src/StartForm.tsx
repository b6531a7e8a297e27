import { LOCALES, type Locale } from '@verigram-kit/core';
import { type DemoStrings, LOCALE_NAMES, type TemplateName } from './demoStrings.ts';

export interface StartSettings {
  mode: DemoMode;
  locale: Locale;
  template: TemplateName;
}

/** The modes the demo offers by name; App.tsx passes the kit's mode value for each. */
export type DemoMode = 'inline' | 'modal' | 'popup' | 'redirect' | 'auto';
const MODES: DemoMode[] = ['inline', 'modal', 'popup', 'redirect', 'auto'];
const TEMPLATES: TemplateName[] = ['selfie-only', 'id-selfie', 'full-kyc'];

export interface StartFormProps {
  t: DemoStrings;
  value: StartSettings;
  onChange(next: StartSettings): void;
  onStart(): void;
  /** A verification is under way: the button restarts instead. */
  running: boolean;
  onRestart(): void;
}

/** Mode, locale and pipeline preset of the next verification, and the button that starts it. */
export function StartForm({ t, value, onChange, onStart, running, onRestart }: StartFormProps) {
  return (
    <form
      className="start-form"
      onSubmit={(event) => {
        event.preventDefault();
        onStart();
      }}
    >
      <fieldset className="field">
        <legend className="field__label">{t.presetLabel}</legend>
        <div className="preset-grid">
          {TEMPLATES.map((name) => (
            <label key={name} className="preset">
              <input
                type="radio"
                name="template"
                value={name}
                checked={value.template === name}
                onChange={() => onChange({ ...value, template: name })}
              />
              <span className="preset__title">{t.presets[name][0]}</span>
              <span className="preset__detail">{t.presets[name][1]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label className="field__label" htmlFor="start-mode">
            {t.modeLabel}
          </label>
          <select
            id="start-mode"
            className="select"
            value={value.mode}
            onChange={(event) => onChange({ ...value, mode: event.target.value as DemoMode })}
          >
            {MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t.modes[mode]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="start-locale">
            {t.localeLabel}
          </label>
          <select
            id="start-locale"
            className="select"
            value={value.locale}
            onChange={(event) => onChange({ ...value, locale: event.target.value as Locale })}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t.startButton}
        </button>
        {running && (
          <button type="button" className="button button--ghost" onClick={onRestart}>
            {t.restartButton}
          </button>
        )}
      </div>
    </form>
  );
}
