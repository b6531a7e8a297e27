import type { FlowEndCause, FrontendSessionStatus, Locale, StateName } from '@verigram-kit/core';
import type { FlowConnection, FlowStatusState } from '../useFlowStatus.ts';

/** Every string `<FlowStatus>` and `<FlowFile>` show; override any of them with the `messages` prop. */
export interface FlowStatusMessages {
  title: string;
  state: Record<FlowStatusState, string>;
  endCause: Record<FlowEndCause, string>;
  /** `{position}`, `{total}`, `{service}` are replaced. */
  currentStep: string;
  /** When the step cannot be placed in the pipeline; `{service}` is replaced. */
  currentStepUnplaced: string;
  /** `{time}` is replaced by the local time of the next attempt. */
  connection: Record<Exclude<FlowConnection, 'ok'>, string>;
  servicesHeading: string;
  stepsHeading: string;
  noServices: string;
  sessionState: Record<StateName, string>;
  frontendStatus: Record<FrontendSessionStatus, string>;
  fileLoading: string;
  fileError: string;
  /** `{label}` is replaced by the file label. */
  fileAlt: string;
  /** `{label}` is replaced by the file label. */
  fileDownload: string;
}

const en: FlowStatusMessages = {
  title: 'Verification status',
  state: {
    loading: 'Loading the status…',
    not_started: 'Not started',
    in_progress: 'In progress',
    passed: 'Passed',
    failed: 'Failed',
    unknown: 'Finished, awaiting a decision',
    error: 'The status could not be loaded',
  },
  endCause: {
    completed: 'Every step was completed.',
    failed: 'The verification stopped because of a server error.',
    timeout: 'A step ran out of time.',
    disconnected: 'The user left or lost the connection.',
  },
  currentStep: 'Step {position} of {total}: {service}',
  currentStepUnplaced: 'Current step: {service}',
  connection: {
    offline: 'You are offline. The status will update when the connection is back.',
    rate_limited: 'Too many requests. Next check at {time}.',
    error: 'Connection problem. Retrying automatically.',
  },
  servicesHeading: 'Services',
  stepsHeading: 'Steps',
  noServices: 'No service has run yet.',
  sessionState: {
    created: 'Created',
    processing: 'Processing',
    processed: 'Processed',
    reviewed: 'Reviewed',
  },
  frontendStatus: {
    approved: 'Approved',
    denied: 'Denied',
    suspicious: 'Suspicious',
    reviewing: 'Under review',
    expired: 'Expired',
    failure: 'Failure',
    active: 'Active',
    blacklisted: 'Blacklisted',
    whitelisted: 'Whitelisted',
  },
  fileLoading: 'Loading the file…',
  fileError: 'The file could not be loaded.',
  fileAlt: 'Verification file: {label}',
  fileDownload: 'Download {label}',
};

const ru: FlowStatusMessages = {
  title: 'Статус проверки',
  state: {
    loading: 'Загрузка статуса…',
    not_started: 'Не начата',
    in_progress: 'Выполняется',
    passed: 'Пройдена',
    failed: 'Не пройдена',
    unknown: 'Завершена, ожидает решения',
    error: 'Не удалось загрузить статус',
  },
  endCause: {
    completed: 'Все шаги пройдены.',
    failed: 'Проверка остановлена из-за ошибки сервера.',
    timeout: 'Время на шаг истекло.',
    disconnected: 'Пользователь ушёл или потерял соединение.',
  },
  currentStep: 'Шаг {position} из {total}: {service}',
  currentStepUnplaced: 'Текущий шаг: {service}',
  connection: {
    offline: 'Нет подключения к интернету. Статус обновится, когда связь восстановится.',
    rate_limited: 'Слишком много запросов. Следующая проверка в {time}.',
    error: 'Проблема со связью. Повторяем автоматически.',
  },
  servicesHeading: 'Сервисы',
  stepsHeading: 'Шаги',
  noServices: 'Ни один сервис ещё не запускался.',
  sessionState: {
    created: 'Создана',
    processing: 'Обработка',
    processed: 'Обработана',
    reviewed: 'Проверена',
  },
  frontendStatus: {
    approved: 'Одобрено',
    denied: 'Отклонено',
    suspicious: 'Подозрительно',
    reviewing: 'На проверке',
    expired: 'Истекло',
    failure: 'Сбой',
    active: 'Активно',
    blacklisted: 'В чёрном списке',
    whitelisted: 'В белом списке',
  },
  fileLoading: 'Загрузка файла…',
  fileError: 'Не удалось загрузить файл.',
  fileAlt: 'Файл проверки: {label}',
  fileDownload: 'Скачать {label}',
};

const kk: FlowStatusMessages = {
  title: 'Тексеру күйі',
  state: {
    loading: 'Күйі жүктелуде…',
    not_started: 'Басталмады',
    in_progress: 'Орындалуда',
    passed: 'Сәтті өтті',
    failed: 'Өтпеді',
    unknown: 'Аяқталды, шешім күтілуде',
    error: 'Күйін жүктеу мүмкін болмады',
  },
  endCause: {
    completed: 'Барлық қадам орындалды.',
    failed: 'Тексеру сервер қатесіне байланысты тоқтатылды.',
    timeout: 'Қадамға берілген уақыт бітті.',
    disconnected: 'Пайдаланушы шығып кетті немесе байланыс үзілді.',
  },
  currentStep: '{total} қадамның {position}-қадамы: {service}',
  currentStepUnplaced: 'Ағымдағы қадам: {service}',
  connection: {
    offline: 'Интернет байланысы жоқ. Байланыс қалпына келгенде күйі жаңартылады.',
    rate_limited: 'Сұраулар тым көп. Келесі тексеру {time} уақытында.',
    error: 'Байланыс ақауы. Автоматты түрде қайталануда.',
  },
  servicesHeading: 'Қызметтер',
  stepsHeading: 'Қадамдар',
  noServices: 'Әзірге ешбір қызмет іске қосылған жоқ.',
  sessionState: { created: 'Құрылды', processing: 'Өңделуде', processed: 'Өңделді', reviewed: 'Тексерілді' },
  frontendStatus: {
    approved: 'Мақұлданды',
    denied: 'Қабылданбады',
    suspicious: 'Күдікті',
    reviewing: 'Қаралуда',
    expired: 'Мерзімі өтті',
    failure: 'Ақау',
    active: 'Белсенді',
    blacklisted: 'Қара тізімде',
    whitelisted: 'Ақ тізімде',
  },
  fileLoading: 'Файл жүктелуде…',
  fileError: 'Файлды жүктеу мүмкін болмады.',
  fileAlt: 'Тексеру файлы: {label}',
  fileDownload: '{label} жүктеп алу',
};

/** The kit's strings for `<FlowStatus>` and `<FlowFile>` in the three locales of the spec. */
export const FLOW_STATUS_MESSAGES: Readonly<Record<Locale, FlowStatusMessages>> = { kk, ru, en };

/** The locale's strings, with a consumer's overrides merged one level deep. */
export function resolveFlowStatusMessages(
  locale: Locale,
  overrides?: FlowStatusMessagesOverrides | undefined,
): FlowStatusMessages {
  const base = FLOW_STATUS_MESSAGES[locale];
  if (!overrides) return base;
  const merged = { ...base, ...overrides } as FlowStatusMessages;
  for (const key of ['state', 'endCause', 'connection', 'sessionState', 'frontendStatus'] as const) {
    (merged as unknown as Record<string, object>)[key] = { ...base[key], ...overrides[key] };
  }
  return merged;
}

/** Partial strings: any top-level string or any entry of a group. */
export type FlowStatusMessagesOverrides = {
  [K in keyof FlowStatusMessages]?: FlowStatusMessages[K] extends string
    ? string
    : Partial<FlowStatusMessages[K]>;
};

/** Replaces `{name}` placeholders. */
export function formatMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
