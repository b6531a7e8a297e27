// The builder's stylesheet, scoped under .vgb-root and themed through custom properties so a host
// app restyles it without overriding selectors: the kit-wide --vgk-* ones first (the same that theme
// <FlowStatus> and the modal), then the builder's own --vgb-* defaults. The build compacts its
// whitespace (tsdown.config.ts). Rendered in a <style> element by the component:
// no CSS import for the app's bundler to handle, and it arrives with the server-rendered markup.
// Sections are cards with their legend as a heading inside (a fieldset's default border cuts
// through its legend). Buttons are tinted so they never read as an empty input; a reset with
// nothing to reset is hidden but keeps its place, so fields do not jump while typing. The file
// inputs are visually hidden behind a button-like label (a raw "No file chosen" control reads as
// a developer tool); focus still lands on the input, and its label shows the ring.
// An aria-disabled button (a blocked export) is dashed, not dimmed: it stays focusable to say
// why, and its text keeps AA contrast. Scope badges: green for what the spec defines, amber for
// what only the sandbox page is known to read.
export const FLOW_UI_BUILDER_STYLES = `
.vgb-root {
  --vgb-font: var(--vgk-font-family, inherit);
  --vgb-text: var(--vgk-color-text, #1f2328);
  --vgb-muted: var(--vgk-color-muted, #57606a);
  --vgb-surface: var(--vgk-color-surface, #fff);
  --vgb-border: var(--vgk-color-border, #d0d7de);
  --vgb-accent: var(--vgk-color-accent, #1d4ed8);
  --vgb-error: var(--vgk-color-danger, #b42318);
  --vgb-warning: var(--vgk-color-warning, #7a4f00);
  --vgb-radius: var(--vgk-radius, 12px);
  --vgb-gap: 12px;
  font-family: var(--vgb-font);
  color: var(--vgb-text);
  display: grid;
  grid-template-columns: minmax(0, 1.3fr) minmax(320px, 1fr);
  gap: calc(var(--vgb-gap) * 2);
  align-items: start;
}
@media (max-width: 900px) { .vgb-root { grid-template-columns: minmax(0, 1fr); } }
.vgb-root h2 { font-size: 1.1rem; margin: 0 0 var(--vgb-gap); }
.vgb-editor { display: grid; gap: calc(var(--vgb-gap) * 1.5); min-width: 0; }
.vgb-fieldset { border: 1px solid var(--vgb-border); border-radius: var(--vgb-radius); padding: calc(var(--vgb-gap) * 1.25); margin: 0; min-width: 0; background: var(--vgb-surface); }
.vgb-fieldset > legend { float: left; width: 100%; padding: 0; margin: 0 0 var(--vgb-gap); font-weight: 650; font-size: 1.05rem; }
.vgb-fieldset > legend + * { clear: both; }
.vgb-inline { border: 0; padding: 0; margin: 0; min-width: 0; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; }
.vgb-inline > legend { float: left; margin-right: 6px; padding: 0; font-weight: 600; }
.vgb-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 220px), 1fr)); gap: var(--vgb-gap); }
.vgb-field { display: grid; gap: 4px; align-content: start; min-width: 0; }
.vgb-field > label { font-weight: 550; font-size: 0.9rem; }
.vgb-wide { grid-column: 1 / -1; }
.vgb-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.vgb-toolbar { margin-bottom: var(--vgb-gap); }
.vgb-check { display: inline-flex; gap: 6px; align-items: center; }
.vgb-root input, .vgb-root select, .vgb-root textarea {
  font: inherit; color: inherit; border: 1px solid var(--vgb-border); border-radius: calc(var(--vgb-radius) / 2);
  padding: 6px 8px; background: var(--vgb-surface); min-width: 0; max-width: 100%;
}
.vgb-root button, .vgb-root .vgb-button {
  font: inherit; font-size: 0.9rem; font-weight: 600; color: var(--vgb-text); cursor: pointer;
  border: 1px solid color-mix(in srgb, var(--vgb-accent) 35%, var(--vgb-border));
  border-radius: calc(var(--vgb-radius) / 2); padding: 6px 12px;
  background: color-mix(in srgb, var(--vgb-accent) 9%, var(--vgb-surface));
}
.vgb-root button:hover:not(:disabled), .vgb-root .vgb-button:hover { background: color-mix(in srgb, var(--vgb-accent) 16%, var(--vgb-surface)); }
.vgb-root button:disabled { cursor: default; color: var(--vgb-muted); background: transparent; border-style: dotted; }
.vgb-root button[aria-disabled="true"] { cursor: not-allowed; border-style: dashed; background: transparent; }
.vgb-root button.vgb-link { background: none; border: 0; padding: 4px 2px; color: var(--vgb-text); font-weight: 500; text-decoration: underline; text-underline-offset: 3px; }
.vgb-root button.vgb-link:disabled { visibility: hidden; }
.vgb-root input[type="color"] { padding: 2px; width: 40px; height: 34px; flex: none; }
.vgb-root input[type="checkbox"], .vgb-root input[type="radio"] { padding: 0; margin: 0; accent-color: var(--vgb-accent); }
.vgb-root :focus-visible { outline: 2px solid var(--vgb-accent); outline-offset: 2px; }
.vgb-root [aria-invalid="true"] { border-color: var(--vgb-error); box-shadow: 0 0 0 1px var(--vgb-error); }
.vgb-file { position: relative; display: inline-flex; }
.vgb-file input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; padding: 0; border: 0; }
.vgb-file:focus-within .vgb-button { outline: 2px solid var(--vgb-accent); outline-offset: 2px; }
.vgb-color-field .vgb-row { flex-wrap: nowrap; }
.vgb-color-field input[type="text"] { flex: 1 1 6em; width: 6em; }
.vgb-hint { color: var(--vgb-muted); font-size: 0.85rem; margin: 0; }
.vgb-issues { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
.vgb-issue { font-size: 0.85rem; margin: 0; }
.vgb-issue[data-severity="error"] { color: var(--vgb-error); }
.vgb-issue[data-severity="warning"] { color: var(--vgb-warning); }
.vgb-issue-severity { font-weight: 600; }
.vgb-image-preview { max-height: 48px; max-width: 200px; object-fit: contain; border: 1px dashed var(--vgb-border); border-radius: 4px; padding: 4px; justify-self: start; }
.vgb-counts { list-style: none; display: flex; flex-wrap: wrap; gap: 4px var(--vgb-gap); padding: 0; margin: 0 0 var(--vgb-gap); font-size: 0.9rem; }
.vgb-texts { container: vgb-texts / inline-size; }
.vgb-table-wrap { max-height: 420px; overflow: auto; border: 1px solid var(--vgb-border); border-radius: calc(var(--vgb-radius) / 2); }
.vgb-table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.vgb-table th, .vgb-table td { border-bottom: 1px solid var(--vgb-border); padding: 4px; vertical-align: top; text-align: left; }
.vgb-table col.vgb-key-col { width: 28%; }
.vgb-table thead th { position: sticky; top: 0; z-index: 1; background: var(--vgb-surface); font-size: 0.85rem; }
.vgb-table tbody th { font-weight: normal; overflow-wrap: anywhere; }
.vgb-table tbody th > * { display: block; }
.vgb-table code { font-size: 0.8rem; }
.vgb-table input { width: 100%; box-sizing: border-box; }
.vgb-code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; width: 100%; box-sizing: border-box; }
.vgb-summary { margin: 0; }
.vgb-scopes { display: grid; gap: 4px; }
.vgb-scope { font-size: 0.85rem; margin: 0 0 8px; color: var(--vgb-muted); }
.vgb-badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 6px; border-radius: 999px; border: 1px solid; }
.vgb-scope[data-scope="spec"] .vgb-badge { color: #0b5b36; background: #e3f4ea; }
.vgb-scope[data-scope="sandbox"] .vgb-badge { color: var(--vgb-warning); background: #fdf1dc; }
.vgb-add-key { border: 0; padding: 0; margin: var(--vgb-gap) 0 0; min-width: 0; }
.vgb-add-key > legend { padding: 0; margin-bottom: 4px; font-weight: 600; }
.vgb-add-key-row { display: grid; grid-template-columns: minmax(0, 1.2fr) auto minmax(0, 2fr) auto; gap: 8px; align-items: end; }
@container vgb-texts (max-width: 480px) {
  .vgb-add-key-row { grid-template-columns: minmax(0, 1fr) auto; }
  .vgb-add-key-row > .vgb-field:nth-of-type(3) { grid-column: 1 / -1; }
  .vgb-table, .vgb-table tbody, .vgb-table tr, .vgb-table th, .vgb-table td { display: block; }
  .vgb-table thead, .vgb-table colgroup { display: none; }
  .vgb-table tr { padding: 6px 4px; border-bottom: 1px solid var(--vgb-border); }
  .vgb-table th, .vgb-table td { border: 0; padding: 2px 0; }
  .vgb-table td { display: grid; grid-template-columns: 2.2em minmax(0, 1fr); align-items: center; }
  .vgb-table td::before { content: attr(data-locale); font-size: 0.8rem; font-weight: 600; color: var(--vgb-muted); }
  .vgb-table td > .vgb-issues { grid-column: 2; }
}
.vgb-preview > .vgb-hint { margin-bottom: 8px; }
.vgb-preview { position: sticky; top: var(--vgb-gap); min-width: 0; }
.vgb-frame-wrap { border: 1px solid var(--vgb-border); border-radius: var(--vgb-radius); background: #e9ecf2; padding: var(--vgb-gap); overflow: hidden; }
.vgb-frame-box { margin: 0 auto; overflow: hidden; border-radius: calc(var(--vgb-radius) / 2); }
.vgb-frame { display: block; border: 0; background: #fff; transform-origin: 0 0; }
`;
