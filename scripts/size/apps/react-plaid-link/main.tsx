// react-plaid-link 5.0: the hook and its open button (Link's script is on Plaid's CDN).
import { createRoot } from 'react-dom/client';
import { usePlaidLink } from 'react-plaid-link';

function Link() {
  const { open, ready } = usePlaidLink({
    token: 'link-sandbox-token',
    onSuccess: (token) => console.log(token),
  });
  return (
    <button type="button" data-mounted="" disabled={!ready} onClick={() => open()}>
      Verify
    </button>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<Link />);
