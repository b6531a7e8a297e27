// @veriff/incontext-sdk 2.5: the in-context frame over the page, for a session URL.
import { createVeriffFrame } from '@veriff/incontext-sdk';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Verification() {
  useEffect(() => {
    const frame = createVeriffFrame({
      url: `${location.origin}/session`,
      onEvent: (event) => console.log(event),
    });
    return () => frame.close();
  }, []);
  return null;
}

createRoot(document.getElementById('root') as HTMLElement).render(<Verification />);
