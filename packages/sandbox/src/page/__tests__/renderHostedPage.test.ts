import { describe, expect, it } from 'vitest';
import { SandboxEngine } from '../../engine/SandboxEngine.ts';
import { hostedPageCsp, renderHostedPage } from '../renderHostedPage.ts';

describe('renderHostedPage', () => {
  it('keeps hostile overrides inside their JSON and escapes the title', () => {
    const engine = new SandboxEngine();
    const hostile = '</script><script>alert(1)</script><!--';
    const { flow_id } = engine.createFlow('sandbox-test-key', {
      person_id: 'person-1',
      template: {
        pipeline: [{ service_name: 'verilive' }],
        // The FlowConfigUi policy refuses such css at creation; translations are free text.
        ui: { translation: { en: { 'header.title': hostile, 'button.start': hostile } } },
      },
    });
    const html = renderHostedPage({
      mode: 'server',
      apiBase: '/x/',
      flowId: flow_id,
      state: engine.pageState(flow_id),
      nonce: 'n0nce',
    });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</title>');
    // Exactly two script elements: the JSON model and the nonce'd client script.
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html).toContain('<script nonce="n0nce">');
    const json = /<script type="application\/json" id="vg-model">([\s\S]*?)<\/script>/.exec(
      html,
    )?.[1] as string;
    expect(JSON.parse(json).state.ui.translation.en['button.start']).toBe(hostile);
  });

  it('builds a CSP without unsafe-inline, with frame-ancestors only for headers', () => {
    expect(hostedPageCsp('abc')).not.toContain('frame-ancestors');
    expect(hostedPageCsp('abc', { withFrameAncestors: true })).toContain('frame-ancestors *');
    expect(hostedPageCsp('abc')).not.toMatch(/unsafe/);
  });
});
