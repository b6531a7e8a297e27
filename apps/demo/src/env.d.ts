/** The sandbox's URL when the demo runs against it (builder preview, hint); null against real Verigram. */
declare const __DEMO_SANDBOX_URL__: string | null;

declare module '*.css';
