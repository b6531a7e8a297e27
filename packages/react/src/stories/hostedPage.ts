import { expect, waitFor, within } from 'storybook/test';

/**
 * The sandbox's hosted page inside a story's `<VerigramFlow>` frame. The in-memory sandbox's vlinks
 * are blob: URLs with this document's origin, so a play function can read and click that page.
 */
export async function hostedPage(canvasElement: HTMLElement) {
  const frame = await waitFor(
    () => {
      const found = canvasElement.ownerDocument.querySelector<HTMLIFrameElement>(
        '[data-verigram-flow] iframe',
      );
      expect(found?.contentDocument?.querySelector('.vg-card')).toBeTruthy();
      return found as HTMLIFrameElement;
    },
    { timeout: 5000 },
  );
  const page = frame.contentDocument as Document;
  return { frame, page, screen: within(page.body) };
}

/** Makes the page's camera request fail as it does when the person blocks the camera. */
export function blockCamera(frame: HTMLIFrameElement): void {
  const media = frame.contentWindow?.navigator.mediaDevices;
  if (!media) return;
  Object.defineProperty(media, 'getUserMedia', {
    configurable: true,
    value: () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')),
  });
}

/**
 * Walks the default pipeline's first step (consent) the way a person does, in whatever language
 * the page speaks: the start button, the box, then the consent card's own button.
 */
export async function acceptConsent(screen: ReturnType<typeof within>): Promise<void> {
  (await screen.findByTestId('start')).click();
  (await screen.findByRole('checkbox')).click();
  const card = await waitFor(() => {
    const found = screen.getByRole('main');
    expect(found).toHaveAttribute('data-service', 'consent');
    return found;
  });
  const next = within(card).getByRole('button');
  await waitFor(() => expect(next).toBeEnabled());
  next.click();
}
