// The baseline: React alone, rendering one element. Every other figure is measured above it.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(<div data-mounted="">React</div>);
