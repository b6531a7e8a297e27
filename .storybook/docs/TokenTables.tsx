// The tables of the Tokens page, read from the sources themselves so the page cannot drift from
// what ships: the --vgk-* properties the kit's stylesheet (styles.css: status, modal, the flow's
// states) and the builder's read, and the --vg-* properties of the sandbox's hosted page (core's
// CSS_PROPERTIES, with each theme's value from THEME_TOKENS).
import { CSS_PROPERTIES, type CssProperty, THEME_TOKENS } from '../../packages/core/src/ui.ts';
import { FLOW_UI_BUILDER_STYLES } from '../../packages/react/src/builder/flowUiBuilderStyles.ts';
import kitStyles from '../../packages/react/src/styles.css?raw';

interface KitToken {
  name: string;
  /** Fallbacks as written in `var(--x, fallback)`, per stylesheet. */
  defaults: Set<string>;
  sheets: Set<string>;
  /** Declared by the kit itself (an internal alias a component sets), not only read. */
  declared: boolean;
}

const SHEETS: Array<[string, string]> = [
  ['styles.css', kitStyles],
  ['builder', FLOW_UI_BUILDER_STYLES],
];

/** Every --vgk-* property read by the kit's CSS, with its fallbacks and where it is read. */
export function collectKitTokens(): KitToken[] {
  const tokens = new Map<string, KitToken>();
  const entry = (name: string) => {
    let token = tokens.get(name);
    if (!token) {
      token = { name, defaults: new Set(), sheets: new Set(), declared: false };
      tokens.set(name, token);
    }
    return token;
  };
  for (const [sheet, css] of SHEETS) {
    for (const match of css.matchAll(/var\(\s*(--vgk-[\w-]+)\s*(?:,\s*([^()]*?))?\s*\)/g)) {
      const token = entry(match[1] as string);
      token.sheets.add(sheet);
      if (match[2]) token.defaults.add(match[2]);
    }
    for (const match of css.matchAll(/(--vgk-[\w-]+)\s*:/g)) entry(match[1] as string).declared = true;
  }
  return [...tokens.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const isColor = (value: string) => /^(#[0-9a-f]{3,8}|rgba?\(|hsla?\()/i.test(value);

function Swatch({ value }: { value: string }) {
  if (!isColor(value)) return null;
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        marginRight: 6,
        verticalAlign: 'middle',
        borderRadius: 3,
        border: '1px solid #0003',
        background: value,
      }}
    />
  );
}

const cell = { padding: '6px 8px', borderBottom: '1px solid #e3e6ed', verticalAlign: 'top' } as const;

/** The kit's own properties: set any of them on an ancestor (or :root) to theme the kit. */
export function KitTokenTable() {
  const tokens = collectKitTokens().filter((t) => t.defaults.size > 0 || !t.declared);
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}>
      <thead>
        <tr>
          <th style={{ ...cell, textAlign: 'left' }}>Property</th>
          <th style={{ ...cell, textAlign: 'left' }}>Fallback when unset</th>
          <th style={{ ...cell, textAlign: 'left' }}>Read by</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <td style={cell}>
              <code>{token.name}</code>
            </td>
            <td style={cell}>
              {token.defaults.size === 0
                ? '(none: unset means the component’s own value)'
                : [...token.defaults].map((value) => (
                    <div key={value}>
                      <Swatch value={value} />
                      <code>{value}</code>
                    </div>
                  ))}
            </td>
            <td style={cell}>{[...token.sheets].join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The sandbox hosted page's properties, and what each theme sets them to. */
export function HostedPageTokenTable() {
  const names = Object.keys(CSS_PROPERTIES) as CssProperty[];
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}>
      <thead>
        <tr>
          <th style={{ ...cell, textAlign: 'left' }}>Property</th>
          <th style={{ ...cell, textAlign: 'left' }}>What it styles</th>
          <th style={{ ...cell, textAlign: 'left' }}>theme: default</th>
          <th style={{ ...cell, textAlign: 'left' }}>theme: bts</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <td style={cell}>
              <code>{name}</code>
            </td>
            <td style={cell}>{CSS_PROPERTIES[name]}</td>
            {(['default', 'bts'] as const).map((theme) => (
              <td key={theme} style={cell}>
                <Swatch value={THEME_TOKENS[theme][name]} />
                <code>{THEME_TOKENS[theme][name]}</code>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
