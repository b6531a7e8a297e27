import {
  CURRENT_STORY_WAS_SET,
  FORCE_REMOUNT,
  GLOBALS_UPDATED,
  STORY_FINISHED,
} from 'storybook/internal/core-events';
import { addons } from 'storybook/preview-api';

// The stories create their flows in a loader, in the toolbar's language, and their play functions
// check what appears in that language. On a toolbar change Storybook only re-renders the story: it
// runs the loaders again but not the play function, so the flow on screen stays in the old
// language while the Interactions panel keeps the old run. Remounting the story instead (what the
// panel's "rerun" button does) tears it down, creates its flows anew and replays its checks.

/** Listens in the preview: a change of the toolbar's locale remounts the story on screen. */
export function replayOnLocaleChange(): void {
  const channel = addons.getChannel();
  let storyId: string | undefined;
  let locale: unknown;
  channel.on(CURRENT_STORY_WAS_SET, (story: { storyId: string; viewMode: string }) => {
    // Docs pages re-render their stories themselves and play none of them.
    storyId = story.viewMode === 'story' ? story.storyId : undefined;
  });
  channel.on(GLOBALS_UPDATED, ({ userGlobals }: { userGlobals: Record<string, unknown> }) => {
    // The toolbar's own value: a story pinned to one language changes `globals`, not this.
    const changed = locale !== undefined && userGlobals.locale !== locale;
    locale = userGlobals.locale;
    const id = storyId;
    if (!changed || !id) return;
    // After the re-render Storybook starts on its own, so the remount is the last word.
    channel.once(STORY_FINISHED, () => channel.emit(FORCE_REMOUNT, { storyId: id }));
  });
}
