import { defineConfig } from 'tsdown';

// The builder's stylesheet is a readable template string in source; the build drops the whitespace
// a <style> element does not need (spaces around braces, semicolons, commas and `>`, and after a
// colon; never before one, which would turn `.a :focus` into `.a:focus`).
const compactBuilderStyles = {
  name: 'compact-builder-styles',
  transform(code: string, id: string) {
    if (!id.endsWith('/flowUiBuilderStyles.ts')) return null;
    return code.replace(
      /`([^`]*)`/,
      (_, css: string) =>
        `\`${css
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/\s+/g, ' ')
          .replace(/;}/g, '}')}\``,
    );
  },
};

export default defineConfig({
  entry: { index: 'src/index.ts', builder: 'src/builder/index.ts', callback: 'src/callback.ts' },
  format: 'esm',
  plugins: [compactBuilderStyles],
  platform: 'browser',
  dts: true,
  sourcemap: false,
  // One output file per source module: with `sideEffects: false`, bundlers then drop whole files
  // an app never imports (e.g. <FlowStatus> when it only uses <VerigramFlow>).
  unbundle: true,
  // No blanket 'use client' banner: each component and hook module carries its own directive
  // (unbundled output keeps it), so Next.js server components can still import the query
  // factories and keys to prefetch on the server.
  copy: [
    { from: 'src/styles.css', to: 'dist' },
    { from: 'public/callback.html', to: 'dist' },
  ],
});
