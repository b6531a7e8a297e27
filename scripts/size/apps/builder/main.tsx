// <FlowUiBuilder> from its own entry, previewing nothing reachable (the preview is the hosted
// page's, on another origin, not the app's cost).
import { FlowUiBuilder } from '@verigram-kit/react/builder';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <FlowUiBuilder data-mounted="" onChange={(ui) => console.log(ui)} />,
);
