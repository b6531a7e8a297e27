// The builder's stylesheet, scoped under .vgb-root and themed through custom properties so a host
// app restyles it without overriding selectors: the kit-wide --vgk-* ones first (the same that theme
// <FlowStatus> and the modal), then the builder's own --vgb-* defaults. The build compacts its
// whitespace (tsdown.config.ts). Rendered in a <style> element by the component:
// no CSS import for the app's bundler to handle, and it arrives with the server-rendered markup.
// An aria-disabled button (a blocked export) is dashed, not dimmed: it stays focusable to say
// why, and its text keeps AA contrast. Scope badges: green for what the spec defines, amber for
// what only the sandbox page is known to read.
export const FLOW_UI_BUILDER_STYLES = `
.vgb-root {
  --vgb-font: var(--vgk-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --vgb-text: var(--vgk-color-text, #1b1f27);
  --vgb-muted: var(--vgk-color-muted, #545b69);
  --vgb-surface: var(--vgk-color-surface, #ffffff);
  --vgb-border: var(--vgk-color-border, #c9cfda);
  --vgb-accent: var(--vgk-color-accent, #1f5eff);
  --vgb-error: var(--vgk-color-danger, #b3261e);
  --vgb-warning: var(--vgk-color-warning, #7a4f00);
  --vgb-radius: var(--vgk-radius, 8px);
  --vgb-gap: 12px;
  font-family: var(--vgb-font);
  color: var(--vgb-text);
  display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(320px, 1fr);
  gap: calc(var(--vgb-gap) * 2);
  align-items: start;
}
@media (max-width: 900px) { .vgb-root { grid-template-columns: 1fr; } }
.vgb-root h2 { font-size: 1.1rem; margin: 0 0 var(--vgb-gap); }
.vgb-editor { display: grid; gap: var(--vgb-gap); min-width: 0; }
.vgb-fieldset { border: 1px solid var(--vgb-border); border-radius: var(--vgb-radius); padding: var(--vgb-gap); margin: 0; min-width: 0; background: var(--vgb-surface); }
.vgb-fieldset > legend { font-weight: 600; padding: 0 4px; }
.vgb-inline { border: 0; padding: 0; margin: 0; display: flex; gap: 6px; align-items: center; }
.vgb-inline > legend { float: left; margin-right: 6px; font-weight: 600; }
.vgb-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: var(--vgb-gap); }
.vgb-field { display: grid; gap: 4px; align-content: start; }
.vgb-wide { grid-column: 1 / -1; }
.vgb-row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.vgb-toolbar { margin-bottom: var(--vgb-gap); }
.vgb-check { display: inline-flex; gap: 4px; align-items: center; }
.vgb-root input, .vgb-root select, .vgb-root textarea, .vgb-root button {
  font: inherit; color: inherit; border: 1px solid var(--vgb-border); border-radius: calc(var(--vgb-radius) / 2);
  padding: 6px 8px; background: var(--vgb-surface);
}
.vgb-root input[type="color"] { padding: 0; width: 40px; height: 34px; }
.vgb-root input[type="checkbox"], .vgb-root input[type="radio"] { padding: 0; }
.vgb-root button { cursor: pointer; }
.vgb-root button:disabled { cursor: default; opacity: 0.6; }
.vgb-root button[aria-disabled="true"] { cursor: not-allowed; border-style: dashed; }
.vgb-root :focus-visible { outline: 2px solid var(--vgb-accent); outline-offset: 2px; }
.vgb-root [aria-invalid="true"] { border-color: var(--vgb-error); }
.vgb-color-field input[type="text"] { width: 8em; }
.vgb-hint { color: var(--vgb-muted); font-size: 0.85rem; margin: 0; }
.vgb-issues { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
.vgb-issue { font-size: 0.85rem; margin: 0; }
.vgb-issue[data-severity="error"] { color: var(--vgb-error); }
.vgb-issue[data-severity="warning"] { color: var(--vgb-warning); }
.vgb-issue-severity { font-weight: 600; }
.vgb-image-preview { max-height: 48px; max-width: 200px; object-fit: contain; border: 1px dashed var(--vgb-border); padding: 4px; }
.vgb-counts { list-style: none; display: flex; gap: var(--vgb-gap); padding: 0; margin: 0 0 var(--vgb-gap); font-size: 0.9rem; }
.vgb-table-wrap { max-height: 420px; overflow: auto; }
.vgb-table { border-collapse: collapse; width: 100%; }
.vgb-table th, .vgb-table td { border-bottom: 1px solid var(--vgb-border); padding: 4px; vertical-align: top; text-align: left; }
.vgb-table thead th { position: sticky; top: 0; background: var(--vgb-surface); }
.vgb-table tbody th { display: grid; gap: 2px; font-weight: normal; min-width: 160px; }
.vgb-table input { width: 100%; min-width: 140px; box-sizing: border-box; }
.vgb-code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; width: 100%; box-sizing: border-box; }
.vgb-summary { margin: 0; }
.vgb-scopes { display: grid; gap: 4px; }
.vgb-scope { font-size: 0.85rem; margin: 0 0 8px; color: var(--vgb-muted); }
.vgb-badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 6px; border-radius: 999px; border: 1px solid; }
.vgb-scope[data-scope="spec"] .vgb-badge { color: #0b5b36; background: #e3f4ea; }
.vgb-scope[data-scope="sandbox"] .vgb-badge { color: var(--vgb-warning); background: #fdf1dc; }
.vgb-add-key { flex-wrap: wrap; margin-top: var(--vgb-gap); }
.vgb-preview > .vgb-hint { margin-bottom: 8px; }
.vgb-preview { position: sticky; top: var(--vgb-gap); min-width: 0; }
.vgb-frame-wrap { border: 1px solid var(--vgb-border); border-radius: var(--vgb-radius); background: #e9ecf2; padding: var(--vgb-gap); overflow: auto; }
.vgb-frame { display: block; margin: 0 auto; border: 0; background: #fff; border-radius: calc(var(--vgb-radius) / 2); }
`;
