import { renderHostedPage } from '@verigram-kit/sandbox';

let url: string | undefined;

/**
 * The sandbox's theme preview page as a blob: URL, for `<FlowUiBuilder previewUrl>`: the real
 * page the builder drives, with no sandbox server (the static Storybook makes no network calls).
 */
export function previewPageUrl(): string {
  url ??= URL.createObjectURL(
    new Blob([renderHostedPage({ mode: 'preview', flowId: 'preview' })], { type: 'text/html' }),
  );
  return url;
}
