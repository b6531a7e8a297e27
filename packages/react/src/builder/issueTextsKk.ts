// Kazakh texts of core's validation issues, so the builder says them in the page's language. Loaded
// on demand by loadIssueText.ts. Field names match builderMessages.ts, so an issue names a field
// the way its label does. Ranges are written "0–48 аралығында": a case ending after a numeral
// follows how the number is pronounced, which a template cannot know.
import { THEMES } from '@verigram-kit/core';
import type { FlowUiIssue } from '@verigram-kit/core/ui';
import { BUILDER_MESSAGES } from './builderMessages.ts';
import type { IssueTexts } from './loadIssueText.ts';

const m = BUILDER_MESSAGES.kk;
const number = new Intl.NumberFormat('kk').format;
// A contrast ratio keeps its two decimals, as contrast checkers print it: 3,20:1.
const ratio = new Intl.NumberFormat('kk', { minimumFractionDigits: 2 }).format;
const braces = (names: readonly string[]) => names.map((p) => `{${p}}`).join(', ');
const field = (issue: FlowUiIssue) => (issue.path === '/favicon_url' ? m.faviconUrl : m.logoUrl);
const at = (issue: FlowUiIssue) => (issue.line === undefined ? '' : `${issue.line}-жол: `);
const pair = (name: 'on_primary' | 'text_on_background') =>
  name === 'on_primary' ? 'Негізгі түстегі мәтін' : 'Фондағы мәтін';

const issueTextsKk: IssueTexts = {
  'ui.invalid': () => 'FlowConfigUi JSON-объект болуы керек.',
  'ui.too_large': ({ params }) =>
    `FlowConfigUi JSON түрінде ${number(params.bytes)} байт, ал шегі ${number(params.max)} байт.`,
  'ui.property_unknown': ({ params }) =>
    `«${params.property}» — FlowConfigUi қасиеті емес (theme, logo_url, favicon_url, translation, css); Verigram оны елемейді.`,
  'theme.unknown': ({ params }) =>
    `Белгісіз тақырып ${params.theme}; мыналардың бірін таңдаңыз: ${THEMES.join(', ')}.`,
  'url.invalid': (issue) =>
    issue.params.value === undefined
      ? `${field(issue)} мәтін түріндегі мекенжай болуы керек.`
      : `${field(issue)}: «${issue.params.value}» абсолютті мекенжай емес; https://… түрінде көрсетіңіз.`,
  'url.localhost': (issue) =>
    `${field(issue)} http арқылы ${issue.params.host} хостына сілтейді: жергілікті алдын ала қарауға жарайды, бірақ нақты пайдаланушыларға қолжетімсіз.`,
  'url.insecure': (issue) =>
    `${field(issue)} https қолдануы керек (http тек localhost пен 127.0.0.1 үшін рұқсат етілген): ${issue.params.url}`,
  'url.scheme': (issue) =>
    `${field(issue)} https мекенжайы немесе data: суреті болуы керек; «${issue.params.scheme}» мекенжайлары қабылданбайды.`,
  'url.host': (issue) =>
    `${field(issue)} ${issue.params.host} хостынан жүктеледі, ол рұқсат етілген хосттардың арасында жоқ (${issue.params.allowed.length ? issue.params.allowed.join(', ') : 'тізім бос'}).`,
  'url.credentials': (issue) =>
    `${issue.path === '/favicon_url' ? 'Сайт белгішесінің URL-інде' : 'Логотип URL-інде'} пайдаланушы аты немесе құпиясөз болмауы керек.`,
  'translation.invalid': () => 'translation өрісі {locale: {key: text}} түріндегі объект болуы керек.',
  'translation.locale_unknown': ({ params }) =>
    `Белгісіз тіл «${params.locale}»; бет мына тілдерді қолдайды: ${params.supported.join(', ')}.`,
  'translation.locale_invalid': ({ params }) =>
    `translation.${params.locale} өрісі {key: text} түріндегі объект болуы керек.`,
  'translation.value_invalid': ({ params }) =>
    `«${params.key}» кілтінің ${params.locale} мәтіні жол (string) болуы керек.`,
  'translation.key_unknown': ({ params }) =>
    `«${params.key}» кілтін құмсалғыш беті білмейді; Verigram бетінде жұмыс істеуі мүмкін.${params.suggestion ? ` «${params.suggestion}» кілтін айтқыңыз келді ме?` : ''}`,
  'translation.value_empty': ({ params }) =>
    `«${params.key}» кілтінің ${params.locale} мәтіні бос: бет бұл жерде ештеңе көрсетпейді. Әдепкі мәтінді қалдыру үшін оны өшіріңіз.`,
  'translation.placeholder_missing': ({ params }) =>
    `«${params.key}» кілтінің ${params.locale} мәтінінде құмсалғыш беті толтыратын ${braces(params.placeholders)} толтырғыштары жоқ.`,
  'translation.placeholder_unknown': ({ params }) =>
    `«${params.key}» кілтінің ${params.locale} мәтінінде құмсалғыш беті толтырмайтын ${braces(params.placeholders)} толтырғыштары бар (${params.known.length ? `қолжетімдісі: ${braces(params.known)}` : 'бұл кілтте толтырғыш жоқ'}).`,
  'translation.keys_missing': ({ params }) =>
    `${params.locale} тілінде басқа тілдерде өзгертілген ${params.keys.length} кілттің мәтіні жоқ, сондықтан онда беттің өз мәтіндері көрсетіледі: ${params.keys.join(', ')}.`,
  'css.invalid': () => 'css өрісі жол (string) болуы керек.',
  'css.too_large': ({ params }) =>
    `CSS көлемі ${number(params.bytes)} байт, ал шегі ${number(params.max)} байт. Пайдаланылмайтын ережелерді өшіріңіз немесе үлкен суреттерді рұқсат етілген хостқа көшіріңіз.`,
  'css.import': (issue) =>
    `${at(issue)}@import қолдануға болмайды, себебі бет сыртқы стиль кестелерін жүктемейді.`,
  'css.expression': (issue) =>
    `${at(issue)}expression() қолдануға болмайды (ескі браузерлерде ол скрипт іске қосады).`,
  'css.javascript_url': (issue) => `${at(issue)}javascript: мекенжайларын қолдануға болмайды.`,
  'css.binding': (issue) =>
    `${at(issue)}-moz-binding және behavior элементтерге код байлайды, сондықтан оларды қолдануға болмайды.`,
  'css.html': (issue) =>
    `${at(issue)}HTML белгілеуін (</style>, <script>, <!--) қолдануға болмайды, себебі ол беттің <style> элементін жауып тастауы мүмкін.`,
  'css.escape': (issue) =>
    `${at(issue)}${issue.params.escape} экрандауын қолдануға болмайды: кері қиғаш сызықпен тек ASCII-ден тыс таңбаларды экрандауға болады (мысалы, \\201C); таңбаның өзін жазыңыз.`,
  'css.url_function': (issue) =>
    `${at(issue)}${issue.params.name}() қолдануға болмайды: ол мекенжайды жолдан немесе var() ішінен жүктейді, оны тексеру мүмкін емес; рұқсат етілген хостпен url() қолданыңыз.`,
  'css.url_host': (issue) =>
    `${at(issue)}url() файлды ${issue.params.host} хостынан жүктейді, ол рұқсат етілген хосттардың арасында жоқ (${issue.params.allowed.length ? issue.params.allowed.join(', ') : 'тізім бос'}); файлды рұқсат етілген хостқа орналастырыңыз немесе data: суреті ретінде кірістіріңіз.`,
  'css.url_insecure': (issue) =>
    `${at(issue)}url() ${issue.params.scheme} емес, https қолдануы керек: «${issue.params.url}».`,
  'css.url_data': (issue) =>
    `${at(issue)}data: мекенжайлары тек суреттер үшін рұқсат етілген (png, jpeg, gif, webp, avif, svg); табылғаны: «${issue.params.url}».`,
  'css.url_relative': (issue) =>
    `${at(issue)}«${issue.params.url}» салыстырмалы мекенжайы сіздің хостыңызды емес, Verigram хостын көрсетеді; абсолютті https мекенжайын көрсетіңіз.`,
  'css.url_invalid': (issue) => `${at(issue)}«${issue.params.url}» жарамды мекенжай емес.`,
  'contrast.on_primary': ({ params }) =>
    `${pair('on_primary')}: контраст ${ratio(params.ratio)}:1 (${params.background} үстінде ${params.foreground}${params.theme ? `, ${params.theme} тақырыбының өз түстері` : ''}); WCAG AA кемінде ${number(params.required)}:1 талап етеді.${params.theme ? ' Түзету үшін «Бренд» бөлімінде түстерді орнатыңыз.' : ''}`,
  'contrast.text_on_background': ({ params }) =>
    `${pair('text_on_background')}: контраст ${ratio(params.ratio)}:1 (${params.background} үстінде ${params.foreground}${params.theme ? `, ${params.theme} тақырыбының өз түстері` : ''}); WCAG AA кемінде ${number(params.required)}:1 талап етеді.${params.theme ? ' Түзету үшін «Бренд» бөлімінде түстерді орнатыңыз.' : ''}`,
  'contrast.unchecked': ({ params }) =>
    `${pair(params.pair)}: контраст тексерілмеді — өлшеу үшін ${params.foreground} және ${params.background} hex түстері болуы керек.`,
  'token.color_invalid': ({ params }) =>
    `${m[params.token]}: hex түсі керек, мысалы ${params.example}. Алынғаны: ${params.value}.`,
  'token.radius_range': ({ params }) =>
    `Бұрыш дөңгелектеуі ${params.min}–${params.max} аралығындағы пиксель саны болуы керек. Алынғаны: ${params.value}.`,
  'token.font_family_invalid': ({ params }) =>
    `Қаріп өрісінде тек қаріп атаулары, тырнақшалар, үтірлер мен бос орындар болуы мүмкін (мысалы, Inter, "Segoe UI", sans-serif). Алынғаны: ${params.value}.`,
  'token.logo_height_range': ({ params }) =>
    `Логотип биіктігі ${params.min}–${params.max} аралығындағы пиксель саны болуы керек. Алынғаны: ${params.value}.`,
  'json.invalid': ({ params }) => `Жарамсыз JSON: ${params.reason}`,
};

export default issueTextsKk;
