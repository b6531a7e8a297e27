// Russian texts of core's validation issues, so the builder says them in the page's language. Loaded
// on demand by loadIssueText.ts. Field names match builderMessages.ts, so an issue names a field
// the way its label does.
import { THEMES } from '@verigram-kit/core';
import type { FlowUiIssue } from '@verigram-kit/core/ui';
import { BUILDER_MESSAGES } from './builderMessages.ts';
import type { IssueTexts } from './loadIssueText.ts';

const m = BUILDER_MESSAGES.ru;
const number = new Intl.NumberFormat('ru').format;
// A contrast ratio keeps its two decimals, as contrast checkers print it: 3,20:1.
const ratio = new Intl.NumberFormat('ru', { minimumFractionDigits: 2 }).format;
const plural = new Intl.PluralRules('ru');
const bytes = (n: number) => `${number(n)} ${plural.select(n) === 'few' ? 'байта' : 'байт'}`;
const braces = (names: readonly string[]) => names.map((p) => `{${p}}`).join(', ');
const field = (issue: FlowUiIssue) => (issue.path === '/favicon_url' ? m.faviconUrl : m.logoUrl);
const at = (issue: FlowUiIssue) => (issue.line === undefined ? '' : `Строка ${issue.line}: `);
const pair = (name: 'on_primary' | 'text_on_background') =>
  name === 'on_primary' ? 'Текст на основном цвете' : 'Текст на фоне';

const issueTextsRu: IssueTexts = {
  'ui.invalid': () => 'FlowConfigUi должен быть JSON-объектом.',
  'ui.too_large': ({ params }) =>
    `FlowConfigUi в виде JSON занимает ${bytes(params.bytes)}, а допустимо не более ${bytes(params.max)}.`,
  'ui.property_unknown': ({ params }) =>
    `«${params.property}» — не свойство FlowConfigUi (theme, logo_url, favicon_url, translation, css); Verigram его игнорирует.`,
  'theme.unknown': ({ params }) =>
    `Неизвестная тема ${params.theme}; выберите одну из: ${THEMES.join(', ')}.`,
  'url.invalid': (issue) =>
    issue.params.value === undefined
      ? `${field(issue)}: нужен адрес в виде строки.`
      : `${field(issue)}: «${issue.params.value}» — не абсолютный адрес; укажите https://…`,
  'url.localhost': (issue) =>
    `${field(issue)} указывает на ${issue.params.host} по http: подойдёт для локального предпросмотра, но настоящим пользователям недоступен.`,
  'url.insecure': (issue) =>
    `${field(issue)} должен использовать https (http допустим только для localhost и 127.0.0.1): ${issue.params.url}`,
  'url.scheme': (issue) =>
    `${field(issue)} должен быть адресом https или data:-изображением; адреса «${issue.params.scheme}» не принимаются.`,
  'url.host': (issue) =>
    `${field(issue)} загружается с хоста ${issue.params.host}, которого нет среди разрешённых (${issue.params.allowed.length ? issue.params.allowed.join(', ') : 'список пуст'}).`,
  'url.credentials': (issue) => `${field(issue)} не должен содержать имя пользователя или пароль.`,
  'translation.invalid': () => 'Поле translation должно быть объектом вида {locale: {key: text}}.',
  'translation.locale_unknown': ({ params }) =>
    `Неизвестный язык «${params.locale}»; страница поддерживает ${params.supported.join(', ')}.`,
  'translation.locale_invalid': ({ params }) =>
    `Поле translation.${params.locale} должно быть объектом вида {key: text}.`,
  'translation.value_invalid': ({ params }) =>
    `Текст ${params.locale} для «${params.key}» должен быть строкой.`,
  'translation.key_unknown': ({ params }) =>
    `Ключ «${params.key}» неизвестен странице песочницы; на странице Verigram он может работать.${params.suggestion ? ` Возможно, имелся в виду «${params.suggestion}»?` : ''}`,
  'translation.value_empty': ({ params }) =>
    `Текст ${params.locale} для «${params.key}» пуст: страница ничего не покажет на этом месте. Удалите его, чтобы вернуть текст по умолчанию.`,
  'translation.placeholder_missing': ({ params }) =>
    `В тексте ${params.locale} для «${params.key}» не хватает подстановок ${braces(params.placeholders)}, которые заполняет страница песочницы.`,
  'translation.placeholder_unknown': ({ params }) =>
    `Текст ${params.locale} для «${params.key}» использует подстановки ${braces(params.placeholders)}, которые страница песочницы не заполняет (${params.known.length ? `доступны: ${braces(params.known)}` : 'у этого ключа подстановок нет'}).`,
  'translation.keys_missing': ({ params }) =>
    `Для ${params.locale} не задан текст ключей, изменённых в других языках (${params.keys.length}), поэтому там показываются собственные тексты страницы: ${params.keys.join(', ')}.`,
  'css.invalid': () => 'Поле css должно быть строкой.',
  'css.too_large': ({ params }) =>
    `Размер CSS — ${bytes(params.bytes)}, а допустимо не более ${bytes(params.max)}. Удалите неиспользуемые правила или перенесите большие изображения на разрешённый хост.`,
  'css.import': (issue) => `${at(issue)}@import запрещён — страница не загружает внешние таблицы стилей.`,
  'css.expression': (issue) => `${at(issue)}expression() запрещён (в старых браузерах он выполняет скрипт).`,
  'css.javascript_url': (issue) => `${at(issue)}адреса javascript: запрещены.`,
  'css.binding': (issue) =>
    `${at(issue)}-moz-binding и behavior привязывают к элементам код, поэтому запрещены.`,
  'css.html': (issue) =>
    `${at(issue)}HTML-разметка (</style>, <script>, <!--) запрещена — она может закрыть элемент <style> страницы.`,
  'css.escape': (issue) =>
    `${at(issue)}экранирование ${issue.params.escape} запрещено: обратной косой чертой можно экранировать только символы вне ASCII (например, \\201C); напишите сам символ.`,
  'css.url_function': (issue) =>
    `${at(issue)}${issue.params.name}() запрещён: он загружает адрес из строки или var(), который нельзя проверить; используйте url() с разрешённым хостом.`,
  'css.url_host': (issue) =>
    `${at(issue)}url() загружает файл с хоста ${issue.params.host}, которого нет среди разрешённых (${issue.params.allowed.length ? issue.params.allowed.join(', ') : 'список пуст'}); разместите файл на разрешённом хосте или встройте его как data:-изображение.`,
  'css.url_insecure': (issue) =>
    `${at(issue)}url() должен использовать https, а не ${issue.params.scheme}: «${issue.params.url}».`,
  'css.url_data': (issue) =>
    `${at(issue)}data:-адреса допустимы только для изображений (png, jpeg, gif, webp, avif, svg); найдено «${issue.params.url}».`,
  'css.url_relative': (issue) =>
    `${at(issue)}относительный адрес «${issue.params.url}» указывает на хост Verigram, а не на ваш; укажите абсолютный адрес https.`,
  'css.url_invalid': (issue) => `${at(issue)}«${issue.params.url}» — некорректный адрес.`,
  'contrast.on_primary': ({ params }) =>
    `${pair('on_primary')}: контраст ${ratio(params.ratio)}:1 (${params.foreground} на ${params.background}${params.theme ? `, собственные цвета темы ${params.theme}` : ''}); для WCAG AA нужно не менее ${number(params.required)}:1.${params.theme ? ' Чтобы исправить, задайте цвета в разделе «Бренд».' : ''}`,
  'contrast.text_on_background': ({ params }) =>
    `${pair('text_on_background')}: контраст ${ratio(params.ratio)}:1 (${params.foreground} на ${params.background}${params.theme ? `, собственные цвета темы ${params.theme}` : ''}); для WCAG AA нужно не менее ${number(params.required)}:1.${params.theme ? ' Чтобы исправить, задайте цвета в разделе «Бренд».' : ''}`,
  'contrast.unchecked': ({ params }) =>
    `${pair(params.pair)}: контраст не проверен — для измерения ${params.foreground} и ${params.background} должны быть hex-цветами.`,
  'token.color_invalid': ({ params }) =>
    `${m[params.token]}: нужен hex-цвет, например ${params.example}. Получено: ${params.value}.`,
  'token.radius_range': ({ params }) =>
    `Скругление углов должно быть числом пикселей от ${params.min} до ${params.max}. Получено: ${params.value}.`,
  'token.font_family_invalid': ({ params }) =>
    `Шрифт может содержать только названия шрифтов, кавычки, запятые и пробелы (например, Inter, "Segoe UI", sans-serif). Получено: ${params.value}.`,
  'token.logo_height_range': ({ params }) =>
    `Высота логотипа должна быть числом пикселей от ${params.min} до ${params.max}. Получено: ${params.value}.`,
  'json.invalid': ({ params }) => `Некорректный JSON: ${params.reason}`,
};

export default issueTextsRu;
