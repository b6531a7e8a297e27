import type { FlowStatusMessages } from './flowStatusMessages.ts';

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

/** flowStatusMessages.ts's strings in Kazakh and Russian (lazy chunk, see loadFlowStatusMessages.ts). */
export default { kk, ru } satisfies Record<'kk' | 'ru', FlowStatusMessages>;
