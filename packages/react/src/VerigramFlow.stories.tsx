/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type Flow, type Locale, returnedFlow } from '@verigram-kit/core';
import { TRANSLATION_CATALOG } from '@verigram-kit/core/ui';
import type { InMemoryClient, ScriptOutcome } from '@verigram-kit/sandbox';
import { type ComponentProps, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { popupMode, redirectMode } from './flowWindow.tsx';
import { KitText, kitStringsFor } from './kitStrings.ts';
import { PhoneHandoff } from './PhoneHandoff.tsx';
import { attemptedExits, seedRedirectReturn } from './stories/backFromRedirect.ts';
import { acceptConsent, blockCamera, hostedPage } from './stories/hostedPage.ts';
import { stubWindowOpen } from './stories/stubWindowOpen.ts';
import { loadedVerigram, type VerigramStoryParameters } from './stories/verigramLoader.tsx';
import { storyApiError, withScriptedFailures } from './stories/withScriptedFailures.ts';
import { VerigramFlow } from './VerigramFlow.tsx';
import { autoMode, modalMode } from './verigramFlowModes.ts';
import './styles.css';
import './stories/exampleAppStyles.css';

// Every story runs the sandbox's hosted page on the in-memory sandbox (blob: vlinks, no server).
// The `showcase` template ends on the page's own status screen instead of navigating the frame to
// a callback URL, which Storybook does not serve.
const showcase: VerigramStoryParameters = {
  client: {
    templates: {
      showcase: { pipeline: [{ service_name: 'consent' }, { service_name: 'verilive' }], status_page: true },
    },
  },
};

/** What an app typically does with `onComplete`: shows the outcome next to the flow. */
function VerigramFlowWithOutcome(props: ComponentProps<typeof VerigramFlow>) {
  const [ended, setEnded] = useState<Flow>();
  return (
    <>
      <VerigramFlow
        {...props}
        onComplete={(flow, result) => {
          setEnded(flow);
          props.onComplete?.(flow, result);
        }}
      />
      {ended && (
        <p role="status" className="story-outcome" data-outcome={ended.flow_status}>
          Your app's <code>onComplete</code> received <code>flow_status: {ended.flow_status}</code>,{' '}
          <code>end_cause: {ended.end_cause}</code>.
        </p>
      )}
    </>
  );
}

// The dialog covers the whole document it is in: on the docs page, in a frame of its own, so it covers
// that frame and not the page.
const inOwnFrame = { docs: { story: { inline: false, height: '720px' } } };

// The modal, the QR code and the popup controls are lazy chunks: on a cold dev server the first
// load can outlast findBy's one-second default.
const LAZY = { timeout: 5000 };

const meta = {
  title: 'react/VerigramFlow',
  component: VerigramFlow,
  render: (args, { globals }) => <VerigramFlowWithOutcome locale={globals.locale} {...args} />,
  decorators: [
    (Story) => (
      // The kit's stylesheet (styles.css) is what styles the states; the app adds its page around.
      <div className="story-app" style={{ maxWidth: 520, margin: '0 auto' }}>
        <Story />
      </div>
    ),
  ],
  parameters: { verigram: showcase },
  args: {
    template: 'showcase',
    onReady: fn(),
    onStep: fn(),
    onComplete: fn(),
    onCancel: fn(),
    onError: fn(),
  },
  argTypes: {
    // Modes are values the app imports; the control offers them by name.
    mode: {
      control: 'inline-radio',
      options: ['inline', 'modal', 'popup', 'auto'],
      mapping: { inline: undefined, modal: modalMode, popup: popupMode, auto: autoMode },
    },
    locale: { control: false, description: "The toolbar's language, in these stories" },
  },
} satisfies Meta<typeof VerigramFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The toolbar's language (the one switch), the kit's strings in it and the hosted page's. */
const stringsOf = (globals: Record<string, unknown>) => {
  const locale = (globals.locale as Locale | undefined) ?? 'en';
  return {
    kit: kitStringsFor(locale),
    page: (key: keyof typeof TRANSLATION_CATALOG) => TRANSLATION_CATALOG[key].defaults[locale],
  };
};

// First: the docs page opens on the first story, and a designer should meet the page, not "Loading…".
/** The hosted page is in place and waits for the person to start. */
export const Ready: Story = {
  play: async ({ canvasElement, args, globals }) => {
    const { kit, page } = stringsOf(globals);
    const { frame, screen } = await hostedPage(canvasElement);
    await expect(frame).toHaveAttribute('title', kit[KitText.FrameTitle]);
    await expect(await screen.findByRole('button', { name: page('button.start') })).toBeVisible();
    await waitFor(() => expect(args.onReady).toHaveBeenCalledOnce());
    await expect(canvasElement.querySelector('[data-verigram-flow]')).toHaveAttribute('data-state', 'ready');
  },
};

/** Creating the flow takes a while (here: forever). */
export const Loading: Story = {
  parameters: { verigram: { ...showcase, client: { ...showcase.client, latencyMs: 86_400_000 } } },
  play: async ({ canvas, canvasElement, globals }) => {
    const { kit } = stringsOf(globals);
    await expect(await canvas.findByRole('status')).toHaveTextContent(kit[KitText.Loading]);
    await expect(canvasElement.querySelector('[data-verigram-flow]')).toHaveAttribute(
      'data-state',
      'loading',
    );
  },
};

/** A person walks the flow: consent, then the sandbox's "Pass" for the liveness step. */
export const Completed: Story = {
  play: async ({ canvas, canvasElement, args, globals }) => {
    const { page } = stringsOf(globals);
    const { screen } = await hostedPage(canvasElement);
    await acceptConsent(screen);
    (await screen.findByTestId('tester-pass')).click();
    await expect(await screen.findByRole('heading', { name: page('result.pass.title') })).toBeVisible();
    await waitFor(() => expect(args.onComplete).toHaveBeenCalledOnce());
    await expect(await canvas.findByText(/flow_status: pass/)).toBeVisible();
    await expect(canvasElement.querySelector('[data-verigram-flow]')).toHaveAttribute(
      'data-state',
      'complete',
    );
  },
};

/** The flow could not be created (here: the backend answers 503 every time): a fault that may pass, so a retry. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    verigram: {
      ...showcase,
      wrap: (sandbox: InMemoryClient) =>
        withScriptedFailures(sandbox, {
          createFlow: { count: Number.POSITIVE_INFINITY, error: storyApiError(503, 'SERVICE_UNAVAILABLE') },
        }),
    },
  },
  play: async ({ canvas, args }) => {
    const alert = await canvas.findByRole('alert', {}, LAZY);
    await expect(alert).toHaveAttribute('data-retry', 'now');
    await expect(within(alert).getByRole('button')).toBeEnabled();
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ status: 503 }));
  },
};

/**
 * The server refused the start (a 422 from the proxy: the page's design breaks its FlowConfigUi
 * policy). It says why in the reader's language and offers no retry: the same request would be
 * refused again. The raw answer is under "Details for support".
 */
export const RefusedStart: Story = {
  parameters: {
    verigram: {
      ...showcase,
      wrap: (sandbox: InMemoryClient) =>
        withScriptedFailures(sandbox, {
          createFlow: {
            count: Number.POSITIVE_INFINITY,
            error: storyApiError(422, 'INVALID_UI'),
          },
        }),
    },
  },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert', {}, LAZY);
    await expect(alert).toHaveAttribute('data-retry', 'never');
    await expect(within(alert).queryByRole('button')).toBeNull();
    await userEvent.click(alert.querySelector('summary') as HTMLElement);
    await expect(within(alert).getByText(/422 INVALID_UI/)).toBeVisible();
  },
};

/** The first attempt fails; the retry creates the flow and the page appears. */
export const RetryAfterError: Story = {
  parameters: {
    verigram: {
      ...showcase,
      wrap: (sandbox: InMemoryClient) =>
        withScriptedFailures(sandbox, {
          createFlow: { count: 1, error: storyApiError(503, 'SERVICE_UNAVAILABLE') },
        }),
    },
  },
  play: async ({ canvas, canvasElement }) => {
    const alert = await canvas.findByRole('alert', {}, LAZY);
    within(alert).getByRole('button').click();
    const { screen } = await hostedPage(canvasElement);
    await expect(await screen.findByTestId('start')).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/**
 * Inline (no `mode`) when the person blocks the camera: the page says so and posts `camera_error`;
 * the kit reports `CAMERA_UNAVAILABLE` through `onError` (an app may offer another mode).
 */
export const CameraBlocked: Story = {
  play: async ({ canvasElement, args, globals }) => {
    const { page } = stringsOf(globals);
    const { frame, screen } = await hostedPage(canvasElement);
    blockCamera(frame);
    await acceptConsent(screen);
    await expect(
      await screen.findByText((text) => text.startsWith(page('liveness.camera_error'))),
    ).toBeVisible();
    await waitFor(() =>
      expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ errorCode: 'CAMERA_UNAVAILABLE' })),
    );
  },
};

/**
 * `mode={autoMode}` when the camera is blocked: the kit falls back to a window of its own. Storybook's
 * preview frame (and the story tests' frame) may not use the camera at all (`allow` lacks it), so
 * there the pre-flight goes straight to the fallback; opened as a top-level page, the frame starts
 * inline, the person's camera is blocked, and the page's `camera_error` moves it to the fallback.
 */
export const CameraBlockedFallback: Story = {
  args: { mode: autoMode },
  play: async ({ canvas, canvasElement }) => {
    const policy = (document as Document & { permissionsPolicy?: { allowsFeature(f: string): boolean } })
      .permissionsPolicy;
    if (policy?.allowsFeature('camera') !== false) {
      const { frame, screen } = await hostedPage(canvasElement);
      blockCamera(frame);
      await acceptConsent(screen);
    }
    await expect(await canvas.findByRole('button', {}, LAZY)).toBeVisible();
    // The frame goes in the effect after the render that shows the button.
    await waitFor(() => expect(canvasElement.querySelector('iframe')).toBeNull());
  },
};

/**
 * `mode={modalMode}`: the page in a dialog with the kit's own title bar; closing (the × button, Escape
 * here or, from the sandbox's page, Escape inside the frame) asks first, with answers that name
 * what they do ("Keep verifying", "Stop verification"). Full screen under 600 px.
 */
export const Modal: Story = {
  args: { mode: modalMode },
  parameters: inOwnFrame,
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', {}, LAZY);
    await hostedPage(canvasElement.ownerDocument.body);
    await expect(dialog).toHaveAccessibleName(dialog.querySelector('.vgk-modal__title')?.textContent ?? '');
    await userEvent.click(dialog.querySelector('.vgk-modal__close') as HTMLElement);
    const question = await body.findByRole('alertdialog');
    const [keep, stop] = within(question).getAllByRole('button');
    await expect(keep).toHaveFocus();
    await expect(stop).toHaveAttribute('data-variant', 'danger');
    await userEvent.click(keep as HTMLElement);
    await waitFor(() => expect(body.queryByRole('alertdialog')).toBeNull());
    // Waited for: the dialog fades in from opacity 0 (styles.css, 160 ms), and a loaded machine
    // can get here before its first frame.
    await waitFor(() => expect(dialog).toBeVisible());
  },
};

/** The stop question, left open: the look of the dialog asking before it closes. */
export const ModalStopConfirm: Story = {
  args: { mode: modalMode },
  parameters: inOwnFrame,
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', {}, LAZY);
    await hostedPage(canvasElement.ownerDocument.body);
    await userEvent.keyboard('{Escape}');
    const question = await body.findByRole('alertdialog');
    // Waited for, as in Modal: the dialog around the question may still be fading in.
    await waitFor(() => expect(question).toBeVisible());
    await expect(dialog).toHaveAttribute('data-state', 'confirming');
  },
};

/** `mode={popupMode}`: a button opens the page in its own window (needed where frames get no camera). */
export const Popup: Story = {
  args: { mode: popupMode },
  play: async ({ canvas }) => {
    // The one control: the button that opens the window (its words follow the toolbar).
    await expect(await canvas.findByRole('button', {}, LAZY)).toBeEnabled();
  },
};

/** The popup is open; this page waits for it and keeps checking the flow. */
export const PopupOpen: Story = {
  args: { mode: popupMode },
  beforeEach: stubWindowOpen,
  play: async ({ canvas, canvasElement }) => {
    (await canvas.findByRole('button', {}, LAZY)).click();
    const root = canvasElement.querySelector('[data-verigram-flow]');
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'popup'));
    await expect(root?.textContent).toBeTruthy();
  },
};

/** `phoneHandoff={PhoneHandoff}`: the vlink as a QR code, for a person who would rather use a phone. */
export const QrHandoff: Story = {
  name: 'QR hand-off',
  args: { phoneHandoff: PhoneHandoff },
  play: async ({ canvas, canvasElement }) => {
    const summary = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLElement>('details > summary');
      expect(found).toBeTruthy();
      return found as HTMLElement;
    }, LAZY);
    summary.click();
    const qr = await canvas.findByRole('img', {}, LAZY);
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAccessibleName();
  },
};

/** The kit's strings and the created flow follow the locale (the toolbar, here pinned to Kazakh). */
export const Kazakh: Story = {
  globals: { locale: 'kk' },
  tags: ['pinned-kk'],
  play: async ({ canvasElement }) => {
    const { frame, screen } = await hostedPage(canvasElement);
    await expect(frame).toHaveAttribute('title', 'Жеке басты растау');
    await expect(await screen.findByRole('button', { name: 'Бастау' })).toBeVisible();
  },
};

/** Russian, and a refused start (a preset the server does not have): why, in the flow's language. */
export const RussianError: Story = {
  globals: { locale: 'ru' },
  tags: ['pinned-ru'],
  args: { uiPreset: 'missing-preset' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('alert', {}, LAZY)).toHaveTextContent('Проверку нельзя начать');
  },
};

// Redirect mode leaves for the hosted page as soon as the flow exists, so its stories start where
// the round trip ends: the callback page has sent the person back with `?verigram_flow_id=` and the
// return entry (both seeded by `setup`, with core's own helper). Back from its flow, the component
// stays; should it ever leave, the Navigation API stops it and `attemptedExits` fails the story.
// Each changes the frame's address and session, so none is drawn on the shared docs page, where
// three would seed at once and the other modes' stories would see the return too.
const KEY = 'sandbox-test-key';

/** Back from the hosted page with a flow `advance` has moved along first (none: untouched). */
const backFromRedirect = (
  advance?: (sandbox: InMemoryClient, flowId: string) => void,
): VerigramStoryParameters => ({
  ...showcase,
  setup: async (sandbox, locale) => {
    const handle = await sandbox.createFlow({ locale, template: 'showcase' });
    advance?.(sandbox, handle.flowId);
    return { flowId: handle.flowId, release: seedRedirectReturn(handle) };
  },
});

const finished = (outcome: ScriptOutcome) =>
  backFromRedirect((sandbox, flowId) => sandbox.engine.completeFlow(KEY, flowId, outcome));

// Back before the end, the start button of popup and redirect says "continue" (flowWindow.tsx keeps
// its words to itself: exporting them would cost bytes in every app that uses either mode).
const CONTINUE_BUTTON: Record<Locale, string> = {
  en: 'Continue verification',
  ru: 'Продолжить проверку',
  kk: 'Тексеруді жалғастыру',
};

/**
 * `mode={redirectMode}`, back from the hosted page before the end (here: consent given, the
 * liveness step still open). The component does not leave again: it offers the button that takes
 * the person back to the same flow.
 */
export const RedirectBackUnfinished: Story = {
  name: 'Redirect: back unfinished',
  tags: ['!autodocs'],
  args: { mode: redirectMode },
  parameters: {
    verigram: backFromRedirect((sandbox, flowId) =>
      sandbox.engine.setStepOutcome(KEY, flowId, { outcome: 'pass' }),
    ),
  },
  play: async ({ canvas, canvasElement, args, globals, loaded, step }) => {
    const locale = (globals.locale as Locale | undefined) ?? 'en';
    const root = canvasElement.querySelector('[data-verigram-flow]');
    const resume = await canvas.findByRole('button', { name: CONTINUE_BUTTON[locale] }, LAZY);
    await expect(resume).toBeVisible();
    await expect(root).toHaveAttribute('data-state', 'ready');
    await expect(root?.querySelector('iframe')).toBeNull();
    await expect(attemptedExits()).toEqual([]);
    await expect(args.onComplete).not.toHaveBeenCalled();
    await step('the button goes back to the same flow (stopped here, so the story stays)', async () => {
      const { flowId, sandbox } = loadedVerigram(loaded);
      const { vlink } = (await sandbox.getCurrentFlow?.()) ?? {};
      await userEvent.click(resume);
      await waitFor(() => expect(attemptedExits()).toEqual([vlink]));
      await expect(returnedFlow(`?verigram_flow_id=${flowId}`)?.vlink).toBe(vlink);
    });
  },
};

/** Checks what every "back finished" story shows: no button, no frame, `onComplete` once, the entry gone. */
async function expectSettledOn(
  outcome: Flow['flow_status'],
  { canvas, canvasElement, args, loaded }: Parameters<NonNullable<Story['play']>>[0],
) {
  const root = canvasElement.querySelector('[data-verigram-flow]');
  // A story that left would never settle: say where it tried to go rather than time out on the state.
  await waitFor(() => {
    expect(attemptedExits()).toEqual([]);
    expect(root).toHaveAttribute('data-state', 'complete');
  }, LAZY);
  await expect(args.onComplete).toHaveBeenCalledOnce();
  await expect(args.onComplete).toHaveBeenCalledWith(
    expect.objectContaining({ flow_status: outcome }),
    expect.anything(),
  );
  await expect(await canvas.findByText(new RegExp(`flow_status: ${outcome}`))).toBeVisible();
  await expect(canvas.queryByRole('button')).toBeNull();
  await expect(root?.querySelector('iframe')).toBeNull();
  await expect(attemptedExits()).toEqual([]);
  // The way back is forgotten once the flow ended: a reload does not resume it.
  await expect(returnedFlow(`?verigram_flow_id=${loadedVerigram(loaded).flowId}`)).toBeNull();
}

/** `mode={redirectMode}`, back after the flow passed: the app's `onComplete` has the outcome at once. */
export const RedirectBackPassed: Story = {
  name: 'Redirect: back, passed',
  tags: ['!autodocs'],
  args: { mode: redirectMode },
  parameters: { verigram: finished('pass') },
  play: (context) => expectSettledOn('pass', context),
};

/** `mode={redirectMode}`, back after the flow failed: `onComplete` again, with the failure. */
export const RedirectBackFailed: Story = {
  name: 'Redirect: back, failed',
  tags: ['!autodocs'],
  args: { mode: redirectMode },
  parameters: { verigram: finished('fail') },
  play: (context) => expectSettledOn('fail', context),
};
