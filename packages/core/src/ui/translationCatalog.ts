// The translation keys of the SANDBOX's hosted page, with the sandbox's own texts. The spec's
// `FlowConfigUi.translation` is a free {locale: {key: value}} map that names no keys, and
// Verigram's hosted page documents none: these are the keys the kit knows to work, on its own
// page. The sandbox renders from this catalog; the builder lists it and notes any other key
// (translation.key_unknown, a note, not an error).
import type { Locale } from '../api/schemas.ts';

export interface TranslationEntry {
  /** Where the text appears, for designers. */
  description: string;
  defaults: Record<Locale, string>;
}

export const TRANSLATION_CATALOG = {
  'header.title': {
    description: 'Page title shown under the logo',
    defaults: { en: 'Identity verification', ru: 'Подтверждение личности', kk: 'Жеке басты растау' },
  },
  'header.step_counter': {
    description: 'Progress, {current} and {total} are replaced',
    defaults: {
      en: 'Step {current} of {total}',
      ru: 'Шаг {current} из {total}',
      kk: '{total} қадамның {current}-сі',
    },
  },
  'welcome.title': {
    description: 'Heading of the first screen',
    defaults: {
      en: 'Let’s confirm it’s you',
      ru: 'Давайте подтвердим, что это вы',
      kk: 'Бұл сіз екеніңізді растайық',
    },
  },
  'welcome.body': {
    description: 'Text of the first screen',
    defaults: {
      en: 'It takes about two minutes. Find a well-lit place.',
      ru: 'Это займёт около двух минут. Найдите хорошо освещённое место.',
      kk: 'Бұл шамамен екі минут алады. Жарық жерді табыңыз.',
    },
  },
  'welcome.document_hint': {
    description: 'Added to the first screen when a step reads an ID document',
    defaults: {
      en: 'Have your ID at hand.',
      ru: 'Подготовьте удостоверение личности.',
      kk: 'Жеке куәлігіңізді дайындаңыз.',
    },
  },
  'button.start': { description: 'Start button', defaults: { en: 'Start', ru: 'Начать', kk: 'Бастау' } },
  'button.continue': {
    description: 'Continue button',
    defaults: { en: 'Continue', ru: 'Продолжить', kk: 'Жалғастыру' },
  },
  'button.retry': {
    description: 'Retry button',
    defaults: { en: 'Try again', ru: 'Попробовать снова', kk: 'Қайталау' },
  },
  'button.cancel': {
    description: 'Abandon button',
    defaults: { en: 'Cancel', ru: 'Отменить', kk: 'Бас тарту' },
  },
  'liveness.title': {
    description: 'Heading of the liveness step',
    defaults: { en: 'Take a selfie', ru: 'Сделайте селфи', kk: 'Селфи түсіріңіз' },
  },
  'liveness.hint': {
    description: 'Instruction under the camera view',
    defaults: {
      en: 'Keep your face inside the oval and follow the prompts.',
      ru: 'Держите лицо в овале и следуйте подсказкам.',
      kk: 'Бетіңізді сопақ ішінде ұстап, нұсқауларды орындаңыз.',
    },
  },
  'liveness.camera_request': {
    description: 'Shown while the browser asks for the camera',
    defaults: {
      en: 'Allow access to your camera to continue.',
      ru: 'Разрешите доступ к камере, чтобы продолжить.',
      kk: 'Жалғастыру үшін камераға рұқсат беріңіз.',
    },
  },
  'liveness.camera_error': {
    description: 'Shown when the camera cannot be used',
    defaults: {
      en: 'We could not access your camera.',
      ru: 'Не удалось получить доступ к камере.',
      kk: 'Камераға қол жеткізу мүмкін болмады.',
    },
  },
  'document.title': {
    description: 'Heading of document steps',
    defaults: {
      en: 'Photograph your ID',
      ru: 'Сфотографируйте удостоверение',
      kk: 'Жеке куәлікті суретке түсіріңіз',
    },
  },
  'document.hint': {
    description: 'Instruction of document steps',
    defaults: {
      en: 'Place the front side of your ID card in the frame.',
      ru: 'Поместите лицевую сторону удостоверения в рамку.',
      kk: 'Жеке куәліктің алдыңғы бетін жақтауға орналастырыңыз.',
    },
  },
  'otp.title': {
    description: 'Heading of the OTP step',
    defaults: { en: 'Enter the code', ru: 'Введите код', kk: 'Кодты енгізіңіз' },
  },
  'otp.hint': {
    description: 'Instruction of the OTP step',
    defaults: {
      en: 'We sent a six-digit code to your phone.',
      ru: 'Мы отправили шестизначный код на ваш телефон.',
      kk: 'Телефоныңызға алты таңбалы код жібердік.',
    },
  },
  'consent.title': {
    description: 'Heading of the consent step',
    defaults: { en: 'Your consent', ru: 'Ваше согласие', kk: 'Сіздің келісіміңіз' },
  },
  'consent.body': {
    description: 'Text of the consent step',
    defaults: {
      en: 'I agree to the processing of my personal data for identity verification.',
      ru: 'Я согласен на обработку моих персональных данных для подтверждения личности.',
      kk: 'Жеке басымды растау үшін дербес деректерімді өңдеуге келісемін.',
    },
  },
  'form.title': {
    description: 'Heading of form steps',
    defaults: { en: 'Your details', ru: 'Ваши данные', kk: 'Сіздің деректеріңіз' },
  },
  'generic.title': {
    description: 'Heading of any other service step; {service} is replaced',
    defaults: { en: 'Checking: {service}', ru: 'Проверка: {service}', kk: 'Тексеру: {service}' },
  },
  'generic.hint': {
    description: 'Text of any other service step',
    defaults: {
      en: 'This check runs automatically. It takes a few seconds.',
      ru: 'Эта проверка выполняется автоматически и займёт несколько секунд.',
      kk: 'Бұл тексеру автоматты түрде орындалады және бірнеше секунд алады.',
    },
  },
  'result.pass.title': {
    description: 'Status page after a passing flow',
    defaults: { en: 'You are verified', ru: 'Личность подтверждена', kk: 'Жеке басыңыз расталды' },
  },
  'result.fail.title': {
    description: 'Status page after a failing flow',
    defaults: { en: 'Verification failed', ru: 'Проверка не пройдена', kk: 'Тексеруден өтпеді' },
  },
  'result.redirecting': {
    description: 'Shown while returning to the callback URL',
    defaults: {
      en: 'Returning you to the site…',
      ru: 'Возвращаем вас на сайт…',
      kk: 'Сайтқа қайтарып жатырмыз…',
    },
  },
  'result.expired': {
    description: 'Shown when a flow can no longer be used',
    defaults: {
      en: 'This verification link has expired.',
      ru: 'Срок действия ссылки истёк.',
      kk: 'Бұл сілтеменің мерзімі өтті.',
    },
  },
  'result.attempts_left': {
    description: 'Under a failed attempt that may be retried; {count} is replaced',
    defaults: {
      en: 'Attempts left: {count}',
      ru: 'Осталось попыток: {count}',
      kk: 'Қалған әрекеттер: {count}',
    },
  },
  'result.unknown': {
    description: 'Status page of a flow that ended flow_status unknown (e.g. a manual review)',
    defaults: {
      en: 'Your result is being reviewed.',
      ru: 'Ваш результат на проверке.',
      kk: 'Нәтижеңіз тексерілуде.',
    },
  },
  'service.verilive': {
    description: 'Name of the verilive service (welcome list, generic step heading)',
    defaults: { en: 'Liveness', ru: 'Проверка живости', kk: 'Тірілікті тексеру' },
  },
  'service.verilive-one-shot': {
    description: 'Name of the verilive-one-shot service (welcome list, generic step heading)',
    defaults: { en: 'Liveness', ru: 'Проверка живости', kk: 'Тірілікті тексеру' },
  },
  'service.verilive-infrared': {
    description: 'Name of the verilive-infrared service (welcome list, generic step heading)',
    defaults: { en: 'Liveness (IR)', ru: 'Проверка живости (ИК)', kk: 'Тірілікті тексеру (ИҚ)' },
  },
  'service.veriface': {
    description: 'Name of the veriface service (welcome list, generic step heading)',
    defaults: { en: 'Face match', ru: 'Сравнение лиц', kk: 'Бетті салыстыру' },
  },
  'service.veridoc': {
    description: 'Name of the veridoc service (welcome list, generic step heading)',
    defaults: { en: 'ID document', ru: 'Удостоверение личности', kk: 'Жеке куәлік' },
  },
  'service.kisc': {
    description: 'Name of the kisc service (welcome list, generic step heading)',
    defaults: { en: 'KISC check', ru: 'Проверка КЦМР', kk: 'ҚАОО тексеруі' },
  },
  'service.redoc': {
    description: 'Name of the redoc service (welcome list, generic step heading)',
    defaults: { en: 'Document', ru: 'Документ', kk: 'Құжат' },
  },
  'service.egov-doc': {
    description: 'Name of the egov-doc service (welcome list, generic step heading)',
    defaults: { en: 'eGov document', ru: 'Документ eGov', kk: 'eGov құжаты' },
  },
  'service.aml-cft': {
    description: 'Name of the aml-cft service (welcome list, generic step heading)',
    defaults: { en: 'AML/CFT screening', ru: 'Проверка ПОД/ФТ', kk: 'КЖТ/ТҚҚ тексеруі' },
  },
  'service.flow-form': {
    description: 'Name of the flow-form service (welcome list, generic step heading)',
    defaults: { en: 'Form', ru: 'Анкета', kk: 'Сауалнама' },
  },
  'service.consent': {
    description: 'Name of the consent service (welcome list, generic step heading)',
    defaults: { en: 'Consent', ru: 'Согласие', kk: 'Келісім' },
  },
  'service.veriphone': {
    description: 'Name of the veriphone service (welcome list, generic step heading)',
    defaults: { en: 'Phone', ru: 'Телефон', kk: 'Телефон' },
  },
  'service.esign': {
    description: 'Name of the esign service (welcome list, generic step heading)',
    defaults: { en: 'E-signature', ru: 'Электронная подпись', kk: 'Электрондық қолтаңба' },
  },
  'service.kyc-list': {
    description: 'Name of the kyc-list service (welcome list, generic step heading)',
    defaults: { en: 'KYC lists', ru: 'Списки KYC', kk: 'KYC тізімдері' },
  },
  'service.otp': {
    description: 'Name of the otp service (welcome list, generic step heading)',
    defaults: { en: 'SMS code', ru: 'SMS-код', kk: 'SMS-код' },
  },
  'service.notification': {
    description: 'Name of the notification service (welcome list, generic step heading)',
    defaults: { en: 'Notification', ru: 'Уведомление', kk: 'Хабарлама' },
  },
  'service.device-filter': {
    description: 'Name of the device-filter service (welcome list, generic step heading)',
    defaults: { en: 'Device check', ru: 'Проверка устройства', kk: 'Құрылғыны тексеру' },
  },
  'service.doc-preview': {
    description: 'Name of the doc-preview service (welcome list, generic step heading)',
    defaults: { en: 'Document preview', ru: 'Просмотр документа', kk: 'Құжатты алдын ала қарау' },
  },
  'service.doc-builder': {
    description: 'Name of the doc-builder service (welcome list, generic step heading)',
    defaults: { en: 'Document builder', ru: 'Конструктор документов', kk: 'Құжат құрастырушы' },
  },
  'service.file-storage': {
    description: 'Name of the file-storage service (welcome list, generic step heading)',
    defaults: { en: 'File storage', ru: 'Хранилище файлов', kk: 'Файл қоймасы' },
  },
  'service.client-card': {
    description: 'Name of the client-card service (welcome list, generic step heading)',
    defaults: { en: 'Client card', ru: 'Карточка клиента', kk: 'Клиент картасы' },
  },
  'service.erd': {
    description: 'Name of the erd service (welcome list, generic step heading)',
    defaults: { en: 'ERD', ru: 'ЕРД', kk: 'ЕРД' },
  },
  'service.interrupter': {
    description: 'Name of the interrupter service (welcome list, generic step heading)',
    defaults: { en: 'Review', ru: 'Проверка оператором', kk: 'Оператор тексеруі' },
  },
  'service.language-selector': {
    description: 'Name of the language-selector service (welcome list, generic step heading)',
    defaults: { en: 'Language', ru: 'Язык', kk: 'Тіл' },
  },
  'service.amlcft-service': {
    description: 'Name of the amlcft-service service (welcome list, generic step heading)',
    defaults: { en: 'AML/CFT screening', ru: 'Проверка ПОД/ФТ', kk: 'КЖТ/ТҚҚ тексеруі' },
  },
  'footer.secured': {
    description: 'Footer note',
    defaults: { en: 'Secured by Verigram', ru: 'Защищено Verigram', kk: 'Verigram қорғайды' },
  },
} as const satisfies Record<string, TranslationEntry>;

export type TranslationKey = keyof typeof TRANSLATION_CATALOG;
// Marked pure so bundlers drop the catalog from bundles that never read it.
export const TRANSLATION_KEYS = /* @__PURE__ */ Object.keys(TRANSLATION_CATALOG) as TranslationKey[];
