'use client';
import {
  type BrandTokenName,
  type BrandTokens,
  type CssProperty,
  type FlowUiDraft,
  type FlowUiIssue,
  resolveOnPrimaryColor,
  THEME_TOKENS,
} from '@verigram-kit/core/ui';
import { useId } from 'react';
import type { BuilderMessages } from './builderMessages.ts';
import { ColorTokenField } from './ColorTokenField.tsx';
import { FieldIssues, hasError } from './FieldIssues.tsx';
import { ScopeNote } from './ScopeNote.tsx';

export interface BrandTokensFieldsetProps {
  draft: FlowUiDraft;
  issues: FlowUiIssue[];
  messages: BuilderMessages;
  onChange<N extends BrandTokenName>(name: N, value: BrandTokens[N]): void;
}

const COLORS: Array<[BrandTokenName, keyof BuilderMessages, CssProperty, string]> = [
  ['primaryColor', 'primaryColor', '--vg-color-primary', 'contrast.on_primary'],
  ['onPrimaryColor', 'onPrimaryColor', '--vg-color-on-primary', 'contrast.on_primary'],
  ['textColor', 'textColor', '--vg-color-text', 'contrast.text_on_background'],
  ['backgroundColor', 'backgroundColor', '--vg-color-background', 'contrast.text_on_background'],
];

/**
 * Colour pickers, radius, font and logo size: the tokens compiled into the CSS block as `--vg-*`
 * properties, which only the sandbox's page is known to read (the spec names none).
 */
export function BrandTokensFieldset({ draft, issues, messages, onChange }: BrandTokensFieldsetProps) {
  const theme = THEME_TOKENS[draft.theme];
  const at = (name: BrandTokenName) => issues.filter((i) => i.path === `/tokens/${name}`);
  return (
    <fieldset className="vgb-fieldset">
      <legend>{messages.brand}</legend>
      <ScopeNote scope="sandbox" messages={messages}>
        {messages.brandHint}
      </ScopeNote>
      <div className="vgb-grid">
        {COLORS.map(([name, label, property, contrastCode]) => {
          const fallback =
            name === 'onPrimaryColor'
              ? (resolveOnPrimaryColor({ ...draft.tokens, onPrimaryColor: undefined }) ?? theme[property])
              : theme[property];
          // Contrast problems belong to both colours of the pair; show them on the foreground one.
          const contrast =
            name === 'onPrimaryColor' || name === 'textColor'
              ? issues.filter((i) => i.code === contrastCode)
              : [];
          return (
            <ColorTokenField
              key={name}
              label={messages[label] as string}
              hint={name === 'onPrimaryColor' ? messages.onPrimaryHint : messages.colorHint}
              value={draft.tokens[name] as string | undefined}
              fallback={fallback}
              issues={[...at(name), ...contrast]}
              messages={messages}
              onChange={(value) => onChange(name, value)}
            />
          );
        })}
        <NumberField
          label={messages.radius}
          value={draft.tokens.radiusPx}
          placeholder={theme['--vg-radius']}
          min={0}
          max={48}
          issues={at('radiusPx')}
          messages={messages}
          onChange={(value) => onChange('radiusPx', value)}
        />
        <NumberField
          label={messages.logoHeight}
          value={draft.tokens.logoHeightPx}
          placeholder={theme['--vg-logo-height']}
          min={16}
          max={96}
          issues={at('logoHeightPx')}
          messages={messages}
          onChange={(value) => onChange('logoHeightPx', value)}
        />
        <TextField
          label={messages.fontFamily}
          value={draft.tokens.fontFamily}
          placeholder={theme['--vg-font-family']}
          issues={at('fontFamily')}
          messages={messages}
          onChange={(value) => onChange('fontFamily', value)}
        />
      </div>
    </fieldset>
  );
}

interface FieldProps<T> {
  label: string;
  value: T | undefined;
  placeholder: string;
  issues: FlowUiIssue[];
  messages: BuilderMessages;
  onChange(value: T | undefined): void;
}

function NumberField({
  label,
  value,
  placeholder,
  min,
  max,
  issues,
  messages,
  onChange,
}: FieldProps<number> & { min: number; max: number }) {
  const id = useId();
  return (
    <div className="vgb-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={1}
        value={value ?? ''}
        placeholder={placeholder.replace('px', '')}
        aria-invalid={hasError(issues) || undefined}
        aria-describedby={issues.length ? `${id}-issues` : undefined}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.valueAsNumber)}
      />
      <FieldIssues id={`${id}-issues`} issues={issues} messages={messages} />
    </div>
  );
}

function TextField({ label, value, placeholder, issues, messages, onChange }: FieldProps<string>) {
  const id = useId();
  return (
    <div className="vgb-field vgb-wide">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value ?? ''}
        placeholder={placeholder}
        aria-invalid={hasError(issues) || undefined}
        aria-describedby={issues.length ? `${id}-issues` : undefined}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
      <FieldIssues id={`${id}-issues`} issues={issues} messages={messages} />
    </div>
  );
}
