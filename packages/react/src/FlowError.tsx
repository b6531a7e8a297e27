'use client';
import type { Locale } from '@verigram-kit/core';
import type { VerigramFlowError } from './useVerigramFlow.ts';

/**
 * Why a flow could not start or be followed, as its reader can act on it, and whether trying again
 * can help: `now` (a fault that passes), `later` (a rate limit), `never` (the same request would be
 * refused the same way, so no retry is offered).
 */
type Reason = [text: Text, retry: 'now' | 'later' | 'never'];

// A const enum: the build writes the bare index, so the names cost no bytes.
enum Text {
  Design = 0,
  Setup = 2,
  Session = 4,
  Busy = 6,
  Unavailable = 8,
  Lost = 10,
  Retry = 12,
  Details = 13,
}

// Title and body of each reason, then the retry button and the details' summary.
const STRINGS: Record<Locale, readonly string[]> = {
  en: [
    'Verification cannot start',
    'The server refused the design of the verification page (its logo, colours or CSS). Trying again will not help until the design is fixed.',
    'Verification is not available',
    'A setting on our side stops it from starting. Trying again will not help; please contact support.',
    'Your session has ended',
    'Sign in again, then start the verification.',
    'Too many attempts',
    'Please wait a minute, then try again.',
    'The verification service cannot be reached',
    'Check your connection and try again.',
    'This verification can no longer be followed',
    'Start a new one to continue.',
    'Try again',
    'Details for support',
  ],
  ru: [
    'Проверку нельзя начать',
    'Сервер отклонил оформление страницы проверки (логотип, цвета или CSS). Повторная попытка не поможет, пока оформление не исправят.',
    'Проверка недоступна',
    'Её запуск блокирует настройка на нашей стороне. Повторная попытка не поможет — обратитесь в поддержку.',
    'Сеанс завершён',
    'Войдите снова, затем начните проверку.',
    'Слишком много попыток',
    'Подождите минуту и попробуйте снова.',
    'Сервис проверки недоступен',
    'Проверьте подключение к интернету и попробуйте снова.',
    'Эту проверку больше нельзя отследить',
    'Начните новую, чтобы продолжить.',
    'Повторить',
    'Подробности для поддержки',
  ],
  kk: [
    'Тексеруді бастау мүмкін емес',
    'Сервер тексеру бетінің безендірілуін (логотип, түстер немесе CSS) қабылдамады. Безендіру түзетілмейінше, қайталау көмектеспейді.',
    'Тексеру қолжетімсіз',
    'Оны біз тараптағы баптау бөгеп тұр. Қайталау көмектеспейді — қолдау қызметіне хабарласыңыз.',
    'Сеансыңыз аяқталды',
    'Қайта кіріп, тексеруді бастаңыз.',
    'Әрекеттер тым көп',
    'Бір минут күтіп, қайталап көріңіз.',
    'Тексеру қызметі қолжетімсіз',
    'Интернет байланысын тексеріп, қайталап көріңіз.',
    'Бұл тексеруді енді бақылау мүмкін емес',
    'Жалғастыру үшін жаңасын бастаңыз.',
    'Қайталау',
    'Қолдау қызметіне арналған мәліметтер',
  ],
};

// The proxy's refusals of a flow's look (parseCreateFlowBody: the one FlowConfigUi policy, presets,
// a ui on a Console template): the page's design, not the person, is what the server turned down.
const DESIGN_CODES =
  /^(INVALID_UI|CLIENT_UI_NOT_ALLOWED|UNKNOWN_UI_PRESET|UI_NEEDS_INLINE_TEMPLATE|TEMPLATE_REQUIRED)$/;

/** The reason behind `error`; `tracked`: the flow existed, so it is following it that failed. */
function reasonOf(error: VerigramFlowError | undefined, tracked: boolean): Reason {
  const status = error?.status ?? 0;
  const code = error?.errorCode ?? '';
  if (status === 401 || /^(UNAUTHENTICATED|FLOW_TOKEN_)/.test(code)) return [Text.Session, 'never'];
  if (status === 429) return [Text.Busy, 'later'];
  // No answer, a timeout, a server fault, a creation still being answered (409): it may pass.
  if (status === 0 || status === 408 || status === 409 || status >= 500) return [Text.Unavailable, 'now'];
  // A 4xx while following a flow that existed (403, 404): a new flow is the way on.
  if (tracked) return [Text.Lost, 'now'];
  return [DESIGN_CODES.test(code) ? Text.Design : Text.Setup, 'never'];
}

export interface FlowErrorProps {
  error: VerigramFlowError | undefined;
  /** The flow had been created: it is following it that failed. */
  tracked: boolean;
  locale?: Locale | undefined;
  onRetry(): void;
}

/**
 * `<VerigramFlow>`'s error state (lazy chunk): why, in the reader's language, what to do, a retry
 * only where another try can succeed, and the raw status and code one click away for support.
 */
export default function FlowError({ error, tracked, locale, onRetry }: FlowErrorProps) {
  const t = STRINGS[locale ?? 'en'] ?? STRINGS.en;
  const [text, retry] = reasonOf(error, tracked);
  return (
    <div role="alert" className="vgk-flow-error" data-retry={retry} data-error-code={error?.errorCode}>
      <p className="vgk-flow-error__title">{t[text]}</p>
      <p className="vgk-flow-error__body">{t[text + 1]}</p>
      {retry !== 'never' && (
        <button type="button" className="vgk-button" onClick={onRetry}>
          {t[Text.Retry]}
        </button>
      )}
      {error && (
        <details>
          <summary>{t[Text.Details]}</summary>
          <code>
            {[error.status, error.errorCode].filter(Boolean).join(' ')}: {error.errorMsg}
          </code>
        </details>
      )}
    </div>
  );
}
