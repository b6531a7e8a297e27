// onfido-sdk-ui 14.80: the loader's init into a container (the SDK itself is on Onfido's CDN).
import { Onfido } from 'onfido-sdk-ui';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Verification() {
  useEffect(() => {
    const handle = Onfido.init({
      token: 'sdk-token',
      containerId: 'onfido-mount',
      onComplete: (data) => console.log(data),
    });
    return () => void handle.tearDown();
  }, []);
  return <div id="onfido-mount" data-mounted="" />;
}

createRoot(document.getElementById('root') as HTMLElement).render(<Verification />);
