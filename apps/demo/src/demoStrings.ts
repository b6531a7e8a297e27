import type { Locale } from '@verigram-kit/core';
import type { DemoMode } from './StartForm.tsx';

export type TemplateName = 'selfie-only' | 'id-selfie' | 'full-kyc';

/** The demo's own strings; the kit's components bring theirs (and take `locale`). */
export interface DemoStrings {
  skipLink: string;
  tagline: string;
  languageLabel: string;
  heroTitle: string;
  heroBody: string;
  brandingTitle: string;
  brandingSummary: string;
  brandingApplies: string;
  brandingIssues: string;
  brandingCustom: string;
  /** The chip while the config has errors: new verifications use the default look. */
  brandingBlocked: string;
  brandingDefault: string;
  brandingReset: string;
  startTitle: string;
  modeLabel: string;
  modes: Record<DemoMode, string>;
  localeLabel: string;
  presetLabel: string;
  presets: Record<TemplateName, [title: string, detail: string]>;
  startButton: string;
  restartButton: string;
  flowTitle: string;
  flowEmpty: string;
  flowCancelled: string;
  statusTitle: string;
  statusEmpty: string;
  logTitle: string;
  logEmpty: string;
  logClear: string;
  logKinds: Record<'event' | 'poll' | 'request' | 'kit', string>;
  resultTitle: string;
  resultEmpty: string;
  /** The result's way on when another try can change the outcome. */
  resultStartAgain: string;
  resultBestframe: string;
  resultPerson: string;
  hintTitle: string;
  hintPanel: string;
  hintCamera: string;
  hintPersonIds: string;
  realApi: string;
  footer: string;
  backOfficeTitle: string;
  backOfficeIntro: string;
  backOfficeOpen: string;
  backOfficeEmpty: string;
  backOfficeWatching: string;
  backOfficeVerdicts: string;
  backOfficeState: Record<'pass' | 'fail' | 'unknown' | 'expired', string>;
  backOfficeDelivered: (times: number) => string;
  backOfficeSettledAt: string;
  backOfficeSimulate: string;
  backOfficeSimulated: string;
  backOfficeFinish: string;
  backOfficeHowTo: string;
}

const en: DemoStrings = {
  skipLink: 'Skip to verification',
  tagline: 'Digital onboarding',
  languageLabel: 'Language',
  heroTitle: 'Open your Aurora account in three minutes',
  heroBody:
    'No branch visit: confirm who you are with your phone or laptop camera. Your data stays between you, Aurora and Verigram.',
  brandingTitle: '1. Brand the verification page',
  brandingSummary: 'Theme, logo, colours and texts of the hosted page',
  brandingApplies: 'Changes apply to verifications started after them.',
  brandingIssues: 'Fix the marked problems: until then new verifications use the default look.',
  brandingCustom: 'Custom branding is on',
  brandingBlocked: 'Errors: default look in use',
  brandingDefault: 'Default look',
  brandingReset: 'Reset branding',
  startTitle: '2. Start verification',
  modeLabel: 'How to show it',
  modes: {
    inline: 'In the page',
    modal: 'In a dialog',
    popup: 'In a pop-up window',
    redirect: 'Full-page redirect',
    auto: 'Automatic (checks the camera)',
  },
  localeLabel: 'Language of the verification',
  presetLabel: 'Checks',
  presets: {
    'selfie-only': ['Selfie only', 'Liveness check'],
    'id-selfie': ['ID + selfie', 'Consent, ID card, liveness'],
    'full-kyc': ['Full KYC', 'Consent, ID card, liveness, AML screening'],
  },
  startButton: 'Verify my identity',
  restartButton: 'Start over',
  flowTitle: '3. Verification',
  flowEmpty: 'Choose how to verify, then press “Verify my identity”.',
  flowCancelled: 'Verification cancelled. You can start over at any time.',
  statusTitle: 'Live status',
  statusEmpty: 'Nothing to track yet.',
  logTitle: 'Event log',
  logEmpty: 'Messages from the verification page and every status poll appear here.',
  logClear: 'Clear log',
  logKinds: { event: 'message', poll: 'poll', request: 'request', kit: 'kit' },
  resultTitle: 'Result',
  resultEmpty: 'The decision appears here as soon as Verigram confirms it.',
  resultStartAgain: 'Start a new verification',
  resultBestframe: 'Best frame from the liveness check',
  resultPerson: 'Name',
  hintTitle: 'Sandbox: pass or fail on purpose',
  hintPanel:
    'Every step of the verification page has a dashed SANDBOX panel: Pass, Review, Fail (with a liveness error code) or Cancel.',
  hintCamera: 'Or go through it for real: the camera step accepts any face, so Continue passes it.',
  hintPersonIds:
    'For scripts: a person id ending in +pass, +fail, +review, +timeout, +abandon or +error decides the outcome when the page opens.',
  realApi: 'Connected to Verigram',
  footer: 'Aurora Bank is a fictional bank showing the Verigram embed kit.',
  backOfficeTitle: 'Back office',
  backOfficeIntro:
    'What the bank’s server learns by itself (onFlowSettled), with no browser involved: it watches every flow until Verigram says it ended.',
  backOfficeOpen: 'Open the back office in a new tab',
  backOfficeEmpty:
    'No verdicts yet. Start a verification: its verdict lands here even if the customer closes the tab.',
  backOfficeWatching: 'Watching',
  backOfficeVerdicts: 'Verdicts received',
  backOfficeState: {
    pass: 'Passed',
    fail: 'Failed',
    unknown: 'Manual review',
    expired: 'Expired unfinished',
  },
  backOfficeDelivered: (times) => (times === 1 ? 'delivered once' : `delivered ${times} times`),
  backOfficeSettledAt: 'Decided at',
  backOfficeSimulate: 'Simulate: close the customer’s tab',
  backOfficeFinish: 'finish the flow with no browser',
  backOfficeSimulated:
    'The customer’s tab is gone (simulated): this page no longer asks Verigram anything. When the flow ends upstream, its verdict still arrives in the back office.',
  backOfficeHowTo:
    'Try it: start a verification, take the selfie, then close the customer’s tab (or press the button). The verdict appears here within seconds.',
};

const ru: DemoStrings = {
  skipLink: 'Перейти к проверке',
  tagline: 'Цифровой онбординг',
  languageLabel: 'Язык',
  heroTitle: 'Откройте счёт в Aurora за три минуты',
  heroBody:
    'Без визита в отделение: подтвердите личность камерой телефона или ноутбука. Ваши данные остаются между вами, Aurora и Verigram.',
  brandingTitle: '1. Оформление страницы проверки',
  brandingSummary: 'Тема, логотип, цвета и тексты страницы',
  brandingApplies: 'Изменения применяются к проверкам, начатым после них.',
  brandingIssues: 'Исправьте отмеченные ошибки: до тех пор новые проверки выглядят по умолчанию.',
  brandingCustom: 'Своё оформление включено',
  brandingBlocked: 'Ошибки: используется оформление по умолчанию',
  brandingDefault: 'Оформление по умолчанию',
  brandingReset: 'Сбросить оформление',
  startTitle: '2. Начать проверку',
  modeLabel: 'Как показать',
  modes: {
    inline: 'На странице',
    modal: 'В диалоге',
    popup: 'Во всплывающем окне',
    redirect: 'Переходом на страницу',
    auto: 'Автоматически (по камере)',
  },
  localeLabel: 'Язык проверки',
  presetLabel: 'Проверки',
  presets: {
    'selfie-only': ['Только селфи', 'Проверка живости'],
    'id-selfie': ['Документ + селфи', 'Согласие, удостоверение, живость'],
    'full-kyc': ['Полный KYC', 'Согласие, удостоверение, живость, AML'],
  },
  startButton: 'Подтвердить личность',
  restartButton: 'Начать заново',
  flowTitle: '3. Проверка',
  flowEmpty: 'Выберите способ и нажмите «Подтвердить личность».',
  flowCancelled: 'Проверка отменена. Её можно начать заново в любой момент.',
  statusTitle: 'Статус',
  statusEmpty: 'Пока нечего отслеживать.',
  logTitle: 'Журнал событий',
  logEmpty: 'Здесь появятся сообщения страницы проверки и каждый запрос статуса.',
  logClear: 'Очистить журнал',
  logKinds: { event: 'сообщение', poll: 'опрос', request: 'запрос', kit: 'кит' },
  resultTitle: 'Результат',
  resultEmpty: 'Решение появится здесь, как только Verigram его подтвердит.',
  resultStartAgain: 'Начать новую проверку',
  resultBestframe: 'Лучший кадр проверки живости',
  resultPerson: 'Имя',
  hintTitle: 'Песочница: пройти или провалить',
  hintPanel:
    'На каждом шаге страницы проверки есть пунктирная панель SANDBOX: Pass, Review, Fail (с кодом ошибки) или отмена.',
  hintCamera:
    'Или пройдите по-настоящему: шаг с камерой принимает любое лицо, кнопка «Продолжить» его проходит.',
  hintPersonIds:
    'Для скриптов: person id с окончанием +pass, +fail, +review, +timeout, +abandon или +error задаёт исход при открытии страницы.',
  realApi: 'Подключено к Verigram',
  footer: 'Aurora Bank — вымышленный банк, демонстрирующий Verigram embed kit.',
  backOfficeTitle: 'Бэк-офис',
  backOfficeIntro:
    'Что сервер банка узнаёт сам (onFlowSettled), без участия браузера: он следит за каждой проверкой, пока Verigram не сообщит, что она завершена.',
  backOfficeOpen: 'Открыть бэк-офис в новой вкладке',
  backOfficeEmpty:
    'Решений пока нет. Начните проверку: её итог появится здесь, даже если клиент закроет вкладку.',
  backOfficeWatching: 'Под наблюдением',
  backOfficeVerdicts: 'Полученные решения',
  backOfficeState: {
    pass: 'Пройдена',
    fail: 'Не пройдена',
    unknown: 'Ручная проверка',
    expired: 'Истекла незавершённой',
  },
  backOfficeDelivered: (times) => (times === 1 ? 'доставлено один раз' : `доставлено ${times} раз(а)`),
  backOfficeSettledAt: 'Решение принято',
  backOfficeSimulate: 'Имитация: клиент закрыл вкладку',
  backOfficeFinish: 'завершить проверку без браузера',
  backOfficeSimulated:
    'Вкладки клиента больше нет (имитация): эта страница больше ничего не спрашивает у Verigram. Когда проверка завершится, решение всё равно придёт в бэк-офис.',
  backOfficeHowTo:
    'Попробуйте: начните проверку, сделайте селфи и закройте вкладку клиента (или нажмите кнопку). Решение появится здесь за несколько секунд.',
};

const kk: DemoStrings = {
  skipLink: 'Тексеруге өту',
  tagline: 'Цифрлық тіркелу',
  languageLabel: 'Тіл',
  heroTitle: 'Aurora шотын үш минутта ашыңыз',
  heroBody:
    'Бөлімшеге бармай-ақ: жеке басыңызды телефон не ноутбук камерасымен растаңыз. Деректеріңіз сіз, Aurora және Verigram арасында қалады.',
  brandingTitle: '1. Тексеру бетінің безендірілуі',
  brandingSummary: 'Беттің тақырыбы, логотипі, түстері мен мәтіндері',
  brandingApplies: 'Өзгерістер олардан кейін басталған тексерулерге қолданылады.',
  brandingIssues: 'Белгіленген қателерді түзетіңіз: оған дейін жаңа тексерулер әдепкі түрде болады.',
  brandingCustom: 'Өз безендіру қосулы',
  brandingBlocked: 'Қателер: әдепкі безендіру қолданылады',
  brandingDefault: 'Әдепкі безендіру',
  brandingReset: 'Безендіруді қалпына келтіру',
  startTitle: '2. Тексеруді бастау',
  modeLabel: 'Қалай көрсету',
  modes: {
    inline: 'Бетте',
    modal: 'Диалогта',
    popup: 'Қалқымалы терезеде',
    redirect: 'Бетке өту арқылы',
    auto: 'Автоматты (камера бойынша)',
  },
  localeLabel: 'Тексеру тілі',
  presetLabel: 'Тексерулер',
  presets: {
    'selfie-only': ['Тек селфи', 'Тірілікті тексеру'],
    'id-selfie': ['Құжат + селфи', 'Келісім, куәлік, тірілік'],
    'full-kyc': ['Толық KYC', 'Келісім, куәлік, тірілік, AML'],
  },
  startButton: 'Жеке басымды растау',
  restartButton: 'Қайта бастау',
  flowTitle: '3. Тексеру',
  flowEmpty: 'Тәсілді таңдап, «Жеке басымды растау» түймесін басыңыз.',
  flowCancelled: 'Тексеру тоқтатылды. Оны кез келген уақытта қайта бастауға болады.',
  statusTitle: 'Күйі',
  statusEmpty: 'Әзірге бақылайтын ештеңе жоқ.',
  logTitle: 'Оқиғалар журналы',
  logEmpty: 'Мұнда тексеру бетінің хабарлары және күй сұраулары шығады.',
  logClear: 'Журналды тазалау',
  logKinds: { event: 'хабар', poll: 'сұрау', request: 'сұраныс', kit: 'кит' },
  resultTitle: 'Нәтиже',
  resultEmpty: 'Verigram растаған бойда шешім осында шығады.',
  resultStartAgain: 'Жаңа тексеруді бастау',
  resultBestframe: 'Тірілік тексеруінің ең жақсы кадры',
  resultPerson: 'Аты',
  hintTitle: 'Құмсалғыш: әдейі өту не құлау',
  hintPanel:
    'Тексеру бетінің әр қадамында SANDBOX үзік панелі бар: Pass, Review, Fail (қате кодымен) немесе бас тарту.',
  hintCamera: 'Немесе шынымен өтіңіз: камера қадамы кез келген бетті қабылдайды, «Жалғастыру» оны өткізеді.',
  hintPersonIds:
    'Скрипттер үшін: +pass, +fail, +review, +timeout, +abandon не +error деп аяқталатын person id бет ашылғанда нәтижені анықтайды.',
  realApi: 'Verigram-ға қосылған',
  footer: 'Aurora Bank — Verigram embed kit-ті көрсететін ойдан шығарылған банк.',
  backOfficeTitle: 'Бэк-офис',
  backOfficeIntro:
    'Банк серверінің өзі білетіні (onFlowSettled), браузерсіз: Verigram аяқталды деп хабарлағанша ол әр тексеруді бақылайды.',
  backOfficeOpen: 'Бэк-офисті жаңа қойындыда ашу',
  backOfficeEmpty:
    'Әзірге шешім жоқ. Тексеруді бастаңыз: клиент қойындыны жапса да, оның нәтижесі осында келеді.',
  backOfficeWatching: 'Бақылауда',
  backOfficeVerdicts: 'Алынған шешімдер',
  backOfficeState: {
    pass: 'Өтті',
    fail: 'Өтпеді',
    unknown: 'Қолмен тексеру',
    expired: 'Аяқталмай мерзімі өтті',
  },
  backOfficeDelivered: (times) => (times === 1 ? 'бір рет жеткізілді' : `${times} рет жеткізілді`),
  backOfficeSettledAt: 'Шешім уақыты',
  backOfficeSimulate: 'Имитация: клиент қойындыны жапты',
  backOfficeFinish: 'тексеруді браузерсіз аяқтау',
  backOfficeSimulated:
    'Клиенттің қойындысы жабылды (имитация): бұл бет Verigram-нан енді ештеңе сұрамайды. Тексеру аяқталғанда, шешім бәрібір бэк-офиске келеді.',
  backOfficeHowTo:
    'Байқап көріңіз: тексеруді бастап, селфи түсіріңіз де, клиенттің қойындысын жабыңыз (не түймені басыңыз). Шешім осында бірнеше секундта шығады.',
};

export const DEMO_STRINGS: Record<Locale, DemoStrings> = { en, ru, kk };

export const LOCALE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
