// persona-react 6.7: the inline inquiry (its frame is on Persona's origin).
import Inquiry from 'persona-react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(
  <Inquiry
    templateId="itmpl_Ygs16MKTkA6obnF8C3Rb17dm"
    environmentId="env_1234"
    onComplete={({ inquiryId }) => console.log(inquiryId)}
  />,
);
