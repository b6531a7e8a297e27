// The callback route's page: <VerigramCallback> from its own entry.
import { VerigramCallback } from '@verigram-kit/react/callback';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(<VerigramCallback />);
