import type { Locale } from '@verigram-kit/core';
import type { LogEntry } from './createLoggingClient.ts';
import type { DemoStrings } from './demoStrings.ts';

export interface EventLogProps {
  t: DemoStrings;
  lang: Locale;
  entries: LogEntry[];
  onClear(): void;
}

/**
 * Every flow event (the page's messages, and the steps the kit read from the server) and every
 * request the kit made, newest first. A plain list rather than a live region: polls every few
 * seconds would flood a screen reader.
 */
export function EventLog({ t, lang, entries, onClear }: EventLogProps) {
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <section className="card event-log" aria-labelledby="event-log-title">
      <div className="card__head">
        <h2 id="event-log-title" className="card__title">
          {t.logTitle}
        </h2>
        <span className="count" aria-hidden="true">
          {entries.length}
        </span>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={onClear}
          disabled={!entries.length}
        >
          {t.logClear}
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="muted">{t.logEmpty}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <ol className="event-log__list" tabIndex={0} aria-label={t.logTitle} data-testid="event-log">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id} className="event-log__item" data-kind={entry.kind} data-tone={entry.tone}>
              <time dateTime={entry.at.toISOString()}>{time.format(entry.at)}</time>
              <span className="event-log__kind">{t.logKinds[entry.kind]}</span>
              <span className="event-log__text">{entry.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
