import {
  checkFlowUi,
  checkFlowUiDraft,
  compileBrandCss,
  createFlowUiDraft,
  type FlowUiIssue,
  type FlowUiIssueCode,
  parseFlowUiJson,
} from '@verigram-kit/core/ui';
import { describe, expect, it } from 'vitest';
import issueTextsKk from '../issueTextsKk.ts';
import issueTextsRu from '../issueTextsRu.ts';
import { cachedIssueText, loadIssueText } from '../loadIssueText.ts';

// [input that provokes the code, fragments of the ru text, fragments of the kk text]. The
// fragments are the issue's details (host, key, ratio with a decimal comma, line…) and a word
// of the language, so a table entry that drops a detail or falls back to English fails.
const cases: Record<FlowUiIssueCode, [() => FlowUiIssue[], string[], string[]]> = {
  'ui.invalid': [() => checkFlowUi(null), ['должен быть JSON-объектом'], ['JSON-объект болуы керек']],
  'ui.too_large': [
    () => checkFlowUi({ css: 'a'.repeat(40) }, { maxUiBytes: 21 }),
    ['50 байт', 'не более 21 байт'],
    ['50 байт', 'шегі 21 байт'],
  ],
  'ui.property_unknown': [
    () => checkFlowUi({ colour: 'red' }),
    ['«colour»', 'игнорирует'],
    ['«colour»', 'елемейді'],
  ],
  'theme.unknown': [
    () => checkFlowUi({ theme: 'neon' }),
    ['Неизвестная тема "neon"', 'default, bts'],
    ['Белгісіз тақырып "neon"', 'default, bts'],
  ],
  'url.invalid': [
    () => checkFlowUi({ logo_url: '/logo.svg' }),
    ['URL логотипа', '«/logo.svg»', 'не абсолютный адрес'],
    ['Логотип URL-і', '«/logo.svg»', 'абсолютті мекенжай емес'],
  ],
  'url.localhost': [
    () => checkFlowUi({ favicon_url: 'http://localhost:5173/f.png' }, { allowedAssetHosts: ['localhost'] }),
    ['URL значка сайта', 'localhost:5173', 'по http'],
    ['Сайт белгішесінің URL-і', 'localhost:5173', 'http арқылы'],
  ],
  'url.insecure': [
    () => checkFlowUi({ logo_url: 'http://cdn.example.com/l.svg' }),
    ['URL логотипа должен использовать https', 'http://cdn.example.com/l.svg'],
    ['Логотип URL-і https қолдануы керек', 'http://cdn.example.com/l.svg'],
  ],
  'url.scheme': [
    () => checkFlowUi({ logo_url: 'ftp://cdn.example.com/l.svg' }),
    ['«ftp:»', 'не принимаются'],
    ['«ftp:»', 'қабылданбайды'],
  ],
  'url.host': [
    () =>
      checkFlowUi(
        { logo_url: 'https://tracker.example.net/l.svg' },
        { allowedAssetHosts: ['cdn.example.com'] },
      ),
    ['URL логотипа', 'tracker.example.net', 'cdn.example.com'],
    ['Логотип URL-і', 'tracker.example.net', 'cdn.example.com'],
  ],
  'url.credentials': [
    () => checkFlowUi({ logo_url: 'https://u:p@cdn.example.com/l.svg' }),
    ['URL логотипа', 'имя пользователя или пароль'],
    ['Логотип URL-і', 'пайдаланушы аты немесе құпиясөз'],
  ],
  'translation.invalid': [
    () => checkFlowUi({ translation: [] }),
    ['translation', 'объектом вида'],
    ['translation', 'түріндегі объект'],
  ],
  'translation.locale_unknown': [
    () => checkFlowUi({ translation: { de: {} } }),
    ['Неизвестный язык «de»', 'kk, ru, en'],
    ['Белгісіз тіл «de»', 'kk, ru, en'],
  ],
  'translation.locale_invalid': [
    () => checkFlowUi({ translation: { ru: 'x' } }),
    ['translation.ru', 'должно быть объектом'],
    ['translation.ru', 'объект болуы керек'],
  ],
  'translation.value_invalid': [
    () => checkFlowUi({ translation: { ru: { 'button.start': 1 } } }),
    ['ru', '«button.start»', 'строкой'],
    ['ru', '«button.start»', 'string'],
  ],
  'translation.key_unknown': [
    () => checkFlowUi({ translation: { ru: { 'button.strat': 'x' } } }),
    ['Ключ «button.strat» неизвестен странице песочницы', 'Verigram', 'имелся в виду «button.start»'],
    ['«button.strat» кілтін құмсалғыш беті білмейді', 'Verigram', '«button.start» кілтін айтқыңыз келді ме'],
  ],
  'translation.value_empty': [
    () => checkFlowUi({ translation: { kk: { 'button.start': ' ' } } }),
    ['Текст kk для «button.start» пуст'],
    ['«button.start» кілтінің kk мәтіні бос'],
  ],
  'translation.placeholder_missing': [
    () => checkFlowUi({ translation: { ru: { 'header.step_counter': 'Шаг' } } }),
    ['«header.step_counter»', '{current}, {total}', 'подстановок'],
    ['«header.step_counter»', '{current}, {total}', 'толтырғыштары жоқ'],
  ],
  'translation.placeholder_unknown': [
    () => checkFlowUi({ translation: { ru: { 'generic.title': 'Проверка {name}' } } }),
    ['«generic.title»', '{name}', 'доступны: {service}'],
    ['«generic.title»', '{name}', 'қолжетімдісі: {service}'],
  ],
  'translation.keys_missing': [
    () => checkFlowUi({ translation: { ru: { 'button.start': 'Вперёд', 'footer.secured': 'Защищено' } } }),
    ['Для kk не задан текст', '(2)', 'button.start, footer.secured'],
    ['kk тілінде', '2 кілттің', 'button.start, footer.secured'],
  ],
  'css.invalid': [() => checkFlowUi({ css: 1 }), ['Поле css должно быть строкой'], ['css өрісі']],
  'css.too_large': [
    () => checkFlowUi({ css: 'a'.repeat(22) }, { maxCssBytes: 21 }),
    ['22 байта', 'не более 21 байт'],
    ['22 байт', 'шегі 21 байт'],
  ],
  'css.import': [
    () => checkFlowUi({ css: 'a {}\n@import "a.css";' }),
    ['Строка 2: @import запрещён'],
    ['2-жол: @import қолдануға болмайды'],
  ],
  'css.expression': [
    () => checkFlowUi({ css: 'a { width: expression(1) }' }),
    ['Строка 1: expression() запрещён'],
    ['1-жол: expression() қолдануға болмайды'],
  ],
  'css.javascript_url': [
    () => checkFlowUi({ css: 'a {}\n\na { b: url(javascript:alert(1)) }' }),
    ['Строка 3: адреса javascript: запрещены'],
    ['3-жол: javascript: мекенжайларын'],
  ],
  'css.binding': [
    () => checkFlowUi({ css: 'a { -moz-binding: none }' }),
    ['Строка 1: -moz-binding и behavior'],
    ['1-жол: -moz-binding және behavior'],
  ],
  'css.escape': [
    () => checkFlowUi({ css: 'a {}\n@\\69mport "a.css";' }),
    ['Строка 2: экранирование \\69'],
    ['2-жол: \\69 экрандауын'],
  ],
  'css.url_function': [
    () => checkFlowUi({ css: 'a { b: image-set("https://cdn.example.com/a.png" 1x) }' }),
    ['Строка 1: image-set() запрещён'],
    ['1-жол: image-set() қолдануға болмайды'],
  ],
  'css.html': [
    () => checkFlowUi({ css: '</style>' }),
    ['Строка 1: HTML-разметка'],
    ['1-жол: HTML белгілеуін'],
  ],
  'css.url_host': [
    () =>
      checkFlowUi(
        { css: 'a { b: url(https://evil.example/p.gif) }' },
        { allowedAssetHosts: ['cdn.example.com'] },
      ),
    ['Строка 1', 'с хоста evil.example', '(cdn.example.com)'],
    ['1-жол', 'evil.example хостынан', '(cdn.example.com)'],
  ],
  'css.url_insecure': [
    () => checkFlowUi({ css: 'a { b: url(http://evil.example/p.gif) }' }),
    ['Строка 1', 'а не http', '«http://evil.example/p.gif»'],
    ['1-жол', 'http емес', '«http://evil.example/p.gif»'],
  ],
  'css.url_data': [
    () => checkFlowUi({ css: 'a { b: url(data:text/html,x) }' }),
    ['Строка 1', 'только для изображений', '«data:text/html,x»'],
    ['1-жол', 'тек суреттер үшін', '«data:text/html,x»'],
  ],
  'css.url_relative': [
    () => checkFlowUi({ css: 'a { b: url(img/p.gif) }' }),
    ['Строка 1', 'относительный адрес «img/p.gif»'],
    ['1-жол', '«img/p.gif» салыстырмалы мекенжайы'],
  ],
  'css.url_invalid': [
    () => checkFlowUi({ css: 'a { b: url("https://a b/") }' }),
    ['Строка 1', '«https://a b/» — некорректный адрес'],
    ['1-жол', '«https://a b/» жарамды мекенжай емес'],
  ],
  'contrast.on_primary': [
    () => checkFlowUi({ css: compileBrandCss({ primaryColor: '#7fb3ff', onPrimaryColor: '#ffffff' }) }),
    ['Текст на основном цвете', '2,14:1', '#ffffff на #7fb3ff', 'не менее 4,5:1'],
    ['Негізгі түстегі мәтін', '2,14:1', '#7fb3ff үстінде #ffffff', 'кемінде 4,5:1'],
  ],
  'contrast.text_on_background': [
    () => checkFlowUi({ css: compileBrandCss({ textColor: '#777777', backgroundColor: '#ffffff' }) }),
    ['Текст на фоне', '4,47:1 (#777777 на #ffffff)', 'не менее 4,5:1'],
    ['Фондағы мәтін', '4,47:1 (#ffffff үстінде #777777)', 'кемінде 4,5:1'],
  ],
  'contrast.unchecked': [
    () => checkFlowUi({ css: ':root { --vg-color-text: red }' }),
    ['Текст на фоне', '--vg-color-text и --vg-color-background', 'hex-цветами'],
    ['Фондағы мәтін', '--vg-color-text және --vg-color-background', 'hex түстері'],
  ],
  'token.color_invalid': [
    () => checkFlowUiDraft(createFlowUiDraft({ tokens: { textColor: 'red' } })),
    ['Цвет текста: нужен hex-цвет, например #14171f', 'Получено: "red"'],
    ['Мәтін түсі: hex түсі керек, мысалы #14171f', 'Алынғаны: "red"'],
  ],
  'token.radius_range': [
    () => checkFlowUiDraft(createFlowUiDraft({ tokens: { radiusPx: 99 } })),
    ['Скругление углов', 'от 0 до 48', 'Получено: 99'],
    ['Бұрыш дөңгелектеуі', '0–48 аралығындағы', 'Алынғаны: 99'],
  ],
  'token.font_family_invalid': [
    () => checkFlowUiDraft(createFlowUiDraft({ tokens: { fontFamily: 'a;b' } })),
    ['Шрифт может содержать только', 'Получено: "a;b"'],
    ['Қаріп өрісінде тек', 'Алынғаны: "a;b"'],
  ],
  'token.logo_height_range': [
    () => checkFlowUiDraft(createFlowUiDraft({ tokens: { logoHeightPx: 1 } })),
    ['Высота логотипа', 'от 16 до 96', 'Получено: 1'],
    ['Логотип биіктігі', '16–96 аралығындағы', 'Алынғаны: 1'],
  ],
  'json.invalid': [() => parseFlowUiJson('{').issues, ['Некорректный JSON: '], ['Жарамсыз JSON: ']],
};

// Typed by FlowUiIssueCode, so a code core adds without a case here (or a text in the tables)
// does not compile; at run time the tables must hold exactly the codes of these cases.
const codes = Object.keys(cases) as FlowUiIssueCode[];

describe('issue texts in kk and ru', () => {
  it.each([
    ['kk', issueTextsKk],
    ['ru', issueTextsRu],
  ])('given every code core can emit, then %s has a text for each and no other', (_, table) => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('given an input that provokes %s, then ru and kk say it with its details', async (code) => {
    const [provoke, ru, kk] = cases[code];
    const issue = provoke().find((i) => i.code === code);
    expect(issue).toBeDefined();
    const inRu = (await loadIssueText('ru'))(issue as FlowUiIssue);
    const inKk = (await loadIssueText('kk'))(issue as FlowUiIssue);
    for (const fragment of ru) expect(inRu).toContain(fragment);
    for (const fragment of kk) expect(inKk).toContain(fragment);
  });

  it('given English, then it is core’s message, with no chunk to load', () => {
    const [issue] = checkFlowUi({ logo_url: 'http://cdn.example.com/l.svg' });
    expect(cachedIssueText('en')?.(issue as FlowUiIssue)).toBe(issue?.message);
  });

  it('given a code the table does not know (a newer core), then core’s English message shows', async () => {
    const future = {
      path: '/css',
      severity: 'warning',
      code: 'css.future_rule',
      params: {},
      message: 'A rule from a newer core.',
    } as unknown as FlowUiIssue;
    expect((await loadIssueText('ru'))(future)).toBe('A rule from a newer core.');
    expect((await loadIssueText('kk'))(future)).toBe('A rule from a newer core.');
  });
});
