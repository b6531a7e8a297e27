// What in a FlowConfigUi is known to work only on the kit's sandbox. The spec (FlowConfigUi)
// defines five fields: `theme` (default | bts), `logo_url`, `favicon_url`, a free `translation`
// map ({locale: {key: text}}) and free `css`. It names no translation key, no class, no CSS
// custom property and no theme colours; the kit knows those only from its sandbox's page
// (translationCatalog.ts, cssProperties.ts). So the two free fields carry content written for
// the sandbox, and Verigram's hosted page (web.verigram.kz, not ours) may read it differently.
import type { FlowConfigUi } from '../api/schemas.ts';

/** A spec field whose content (keys, classes, `--vg-*` properties) only the sandbox's page is known to read. */
export type SandboxOnlyField = 'translation' | 'css';

/** `translation` when it overrides any text, `css` when there is any; `[]` means spec fields only. */
export function listSandboxOnlyFields(ui: Partial<FlowConfigUi>): SandboxOnlyField[] {
  const fields: SandboxOnlyField[] = [];
  const translation = ui.translation;
  if (translation && Object.values(translation).some((texts) => texts && Object.keys(texts).length > 0))
    fields.push('translation');
  if (typeof ui.css === 'string' && ui.css.trim() !== '') fields.push('css');
  return fields;
}

/**
 * The warning an exported snippet starts with, as comment lines (`//` or `#`); empty when the
 * config uses spec fields only.
 */
export function sandboxOnlyComment(ui: Partial<FlowConfigUi>, marker: '//' | '#'): string {
  const fields = listSandboxOnlyFields(ui).map((f) =>
    f === 'css' ? 'css (.vg-* classes, --vg-* properties)' : 'translation keys',
  );
  if (fields.length === 0) return '';
  return [
    `Known to work only on the verigram-kit sandbox's page: ${fields.join(' and ')}.`,
    `The Verigram spec defines these fields but no keys, classes or properties;`,
    `check them on Verigram's hosted page. theme, logo_url and favicon_url are the spec's.`,
  ]
    .map((line) => `${marker} ${line}\n`)
    .join('');
}
