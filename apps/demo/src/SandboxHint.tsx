import type { DemoStrings } from './demoStrings.ts';

/** How to steer the sandbox (packages/sandbox/README.md, "Automation without clicking"). */
export function SandboxHint({ t }: { t: DemoStrings }) {
  return (
    <aside className="card hint" aria-labelledby="sandbox-hint-title">
      <h2 id="sandbox-hint-title" className="card__title">
        <span className="pill">SANDBOX</span> {t.hintTitle}
      </h2>
      <ul className="hint__list">
        <li>{t.hintPanel}</li>
        <li>{t.hintCamera}</li>
        <li>{t.hintPersonIds}</li>
      </ul>
    </aside>
  );
}
