'use client';
import { type FlowConfigUi, type Locale, type PipelineStep, THEMES } from '@verigram-kit/core';
import {
  type CheckFlowUiOptions,
  type CurlOptions,
  DEFAULT_FAVICON_URL,
  DEFAULT_FLOW_UI_POLICY,
  DEFAULT_LOGO_URL,
  importFlowUi,
  setFlowUiCustomCss,
  setFlowUiFaviconUrl,
  setFlowUiLogoUrl,
  setFlowUiTheme,
  setFlowUiToken,
  setFlowUiTranslation,
  toFlowConfigUi,
} from '@verigram-kit/core/ui';
import { forwardRef, type HTMLAttributes, useId, useMemo, useRef } from 'react';
import { BrandTokensFieldset } from './BrandTokensFieldset.tsx';
import { BUILDER_MESSAGES } from './builderMessages.ts';
import { CssEditor } from './CssEditor.tsx';
import { FieldIssues } from './FieldIssues.tsx';
import { FlowUiImportExport } from './FlowUiImportExport.tsx';
import { FlowUiPreview } from './FlowUiPreview.tsx';
import { FLOW_UI_BUILDER_STYLES } from './flowUiBuilderStyles.ts';
import { ImageUrlField } from './ImageUrlField.tsx';
import { IssueTextContext, useIssueText } from './loadIssueText.ts';
import { ScopeNote } from './ScopeNote.tsx';
import { TranslationGrid } from './TranslationGrid.tsx';
import { type FlowUiChangeDetail, useFlowUiDraftState } from './useFlowUiDraftState.ts';

/** The sandbox's preview page when the sandbox runs with its defaults (`npx verigram-sandbox`): on its hosted page origin (:4011), not its API (:4010). */
export const DEFAULT_PREVIEW_URL = 'http://127.0.0.1:4011/hf2/preview/';

export interface FlowUiBuilderProps
  extends Omit<HTMLAttributes<HTMLDivElement>, 'onChange' | 'defaultValue' | 'children'> {
  /** The config, when controlled. Pair with `onChange`. */
  value?: FlowConfigUi | undefined;
  /** The starting config, when uncontrolled. @default the spec's defaults only (theme `default`, its logo and favicon) */
  defaultValue?: FlowConfigUi | undefined;
  /** Every edit, as the spec's FlowConfigUi plus the draft and its validation issues. */
  onChange?: ((ui: FlowConfigUi, detail: FlowUiChangeDetail) => void) | undefined;
  /**
   * The sandbox's preview page; `null` hides the preview.
   * @default 'http://127.0.0.1:4011/hf2/preview/'
   */
  previewUrl?: string | null | undefined;
  /** Language of the builder's own interface and the preview's first locale. @default 'en' */
  locale?: Locale | undefined;
  /** Steps the preview renders. @default the preview page's sample pipeline */
  pipeline?: PipelineStep[] | undefined;
  /**
   * The FlowConfigUi policy's options; pass the proxy's own (`allowedAssetHosts`, `maxCssBytes`,
   * `maxUiBytes`) so that whatever the builder lets a designer export, the proxy accepts.
   * @default {} (core's DEFAULT_FLOW_UI_POLICY, which is also the proxy's default)
   */
  validation?: CheckFlowUiOptions | undefined;
  /** Delay before a change reaches the preview, in ms. @default 150 */
  previewDebounceMs?: number | undefined;
  /** Name used by the `uiPresets` export. @default 'brand' */
  presetName?: string | undefined;
  /** Options of the curl export (never a real key). @default the quickstart's placeholders */
  curl?: CurlOptions | undefined;
  /**
   * The page's CSP nonce, for the builder's own `<style>` element under a `style-src` without
   * `'unsafe-inline'`. @default undefined
   */
  nonce?: string | undefined;
}

/**
 * Edits a FlowConfigUi (theme, logo, favicon, brand colours, texts, CSS) with validation and a live
 * preview on the kit's sandbox page (not Verigram's hosted page). It labels what the spec defines
 * (the five fields) apart from what only the sandbox page is known to read (text keys, `--vg-*`
 * properties, the bts colours as rendered). Import from `@verigram-kit/react/builder`; it is not
 * part of the main entry.
 */
export const FlowUiBuilder = forwardRef<HTMLDivElement, FlowUiBuilderProps>(function FlowUiBuilder(
  {
    value,
    defaultValue,
    onChange,
    previewUrl = DEFAULT_PREVIEW_URL,
    locale = 'en',
    pipeline,
    validation,
    previewDebounceMs = 150,
    presetName = 'brand',
    curl,
    className,
    ...rest
  },
  ref,
) {
  const id = useId();
  const messages = BUILDER_MESSAGES[locale] ?? BUILDER_MESSAGES.en;
  const issueText = useIssueText(locale in BUILDER_MESSAGES ? locale : 'en');
  const editorRef = useRef<HTMLElement>(null);
  const { draft, issues, update } = useFlowUiDraftState(value, defaultValue, onChange, validation);
  // Said in the logo and favicon hints, so the designer knows the rule before typing a URL.
  const allowedHosts = validation?.allowedAssetHosts ?? DEFAULT_FLOW_UI_POLICY.allowedAssetHosts;
  const ui = useMemo(() => toFlowConfigUi(draft), [draft]);
  // The preview shows the page a person would get: an image the policy refuses never reaches the
  // page (the proxy answers 422), so the preview keeps the default in its place rather than a
  // broken image from a host it may not even load.
  const refusedLogo = issues.some((i) => i.path === '/logo_url' && i.severity === 'error');
  const refusedFavicon = issues.some((i) => i.path === '/favicon_url' && i.severity === 'error');
  const previewUi = useMemo(
    () => ({
      ...ui,
      ...(refusedLogo ? { logo_url: DEFAULT_LOGO_URL } : {}),
      ...(refusedFavicon ? { favicon_url: DEFAULT_FAVICON_URL } : {}),
    }),
    [ui, refusedLogo, refusedFavicon],
  );
  const at = (path: string) => issues.filter((i) => i.path === path);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  // Every error a draft can have marks its field aria-invalid (contrast errors mark the colour
  // fields), so the first one in reading order is the first error the designer meets.
  const focusFirstError = () =>
    editorRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();

  return (
    <div
      ref={ref}
      className={['vgb-root', className].filter(Boolean).join(' ')}
      data-state={errors > 0 ? 'invalid' : 'valid'}
      lang={locale}
      {...rest}
    >
      <style nonce={rest.nonce}>{FLOW_UI_BUILDER_STYLES}</style>
      <IssueTextContext.Provider value={issueText}>
        <section ref={editorRef} className="vgb-editor" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>{messages.builder}</h2>
          <div className="vgb-scopes">
            <ScopeNote scope="spec" messages={messages}>
              {messages.specScope}
            </ScopeNote>
            <ScopeNote scope="sandbox" messages={messages}>
              {messages.sandboxScope}
            </ScopeNote>
          </div>
          <fieldset className="vgb-fieldset">
            <legend>{messages.themeAndAssets}</legend>
            <ScopeNote scope="spec" messages={messages}>
              {messages.themeHint}
            </ScopeNote>
            <fieldset className="vgb-inline">
              <legend>{messages.theme}</legend>
              {THEMES.map((theme) => (
                <label key={theme} className="vgb-check">
                  <input
                    type="radio"
                    name={`${id}-theme`}
                    value={theme}
                    checked={draft.theme === theme}
                    onChange={() => update(setFlowUiTheme(draft, theme))}
                  />
                  {theme === 'bts' ? messages.themeBts : messages.themeDefault}
                </label>
              ))}
            </fieldset>
            <p id={`${id}-assets-hint`} className="vgb-hint">
              {messages.urlHint(allowedHosts)}
            </p>
            <div className="vgb-grid">
              <ImageUrlField
                label={messages.logoUrl}
                previewLabel={messages.logoPreview}
                fileLabel={messages.chooseLogoFile}
                hintId={`${id}-assets-hint`}
                value={draft.logoUrl}
                fallback={DEFAULT_LOGO_URL}
                issues={at('/logo_url')}
                messages={messages}
                onChange={(url) => update(setFlowUiLogoUrl(draft, url))}
              />
              <ImageUrlField
                label={messages.faviconUrl}
                previewLabel={messages.faviconPreview}
                fileLabel={messages.chooseFaviconFile}
                hintId={`${id}-assets-hint`}
                value={draft.faviconUrl}
                fallback={DEFAULT_FAVICON_URL}
                issues={at('/favicon_url')}
                messages={messages}
                onChange={(url) => update(setFlowUiFaviconUrl(draft, url))}
              />
            </div>
          </fieldset>
          <BrandTokensFieldset
            draft={draft}
            issues={issues}
            messages={messages}
            onChange={(name, v) => update(setFlowUiToken(draft, name, v))}
          />
          <TranslationGrid
            draft={draft}
            issues={issues}
            messages={messages}
            onChange={(l, key, text) => update(setFlowUiTranslation(draft, l, key, text))}
          />
          <CssEditor
            value={draft.customCss}
            issues={at('/css').filter((i) => !i.code.startsWith('contrast.'))}
            messages={messages}
            onChange={(css) => update(setFlowUiCustomCss(draft, css))}
          />
          <FlowUiImportExport
            ui={ui}
            messages={messages}
            validation={validation}
            defaultPresetName={presetName}
            curl={curl}
            errors={errors}
            onFirstError={focusFirstError}
            onImport={(imported) => update(importFlowUi(imported))}
          />
          <section className="vgb-fieldset" aria-labelledby={`${id}-checks`}>
            <h2 id={`${id}-checks`}>{messages.issues}</h2>
            <p className="vgb-summary" role="status">
              {messages.summary(errors, warnings)}
            </p>
            <FieldIssues id={`${id}-all-issues`} issues={issues} messages={messages} />
          </section>
        </section>
      </IssueTextContext.Provider>
      {previewUrl !== null && (
        <FlowUiPreview
          previewUrl={previewUrl}
          ui={previewUi}
          pipeline={pipeline}
          initialLocale={locale}
          debounceMs={previewDebounceMs}
          messages={messages}
        />
      )}
    </div>
  );
});
