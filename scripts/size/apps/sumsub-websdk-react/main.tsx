// @sumsub/websdk-react 2.9: the component (its SDK script is on Sumsub's CDN).
import SumsubWebSdk from '@sumsub/websdk-react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <div data-mounted="">
    <SumsubWebSdk
      accessToken="access-token"
      expirationHandler={() => Promise.resolve('access-token')}
      onMessage={(type: string) => console.log(type)}
    />
  </div>,
);
