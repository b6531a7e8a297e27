// Where a built chunk's bytes come from: each source module's share, read from the chunk's source
// map, and what the chunk's gzip loses when that module's code is cut out. Gzip is not additive
// (a module repeating names used elsewhere costs little), so the loss, not the share, is what a
// module costs; the rows need not add up to the chunk.
import { gzipSync } from 'node:zlib';
import { type RawSourceMap, SourceMapConsumer } from 'source-map-js';

export interface ModuleCost {
  /** The module's path as the source map names it (code it cannot place is `(unmapped)`). */
  source: string;
  /** Its minified bytes in the chunk. */
  bytes: number;
  /** What the chunk's gzip (level 9) loses without those bytes. */
  gzip: number;
}

/** Every module of `code` (a built chunk) by what it costs, largest first. */
export function explainChunk(code: string, map: RawSourceMap): ModuleCost[] {
  const lines = code.split('\n');
  // Code before a line's first mapping (or on a line with none) belongs to no module. These marks
  // come first, so a mapping at column 0 sorts after its line's and owns the code from there.
  const marks = lines.map((_, line) => ({ line, column: 0, source: '(unmapped)' }));
  new SourceMapConsumer(map).eachMapping((m) =>
    marks.push({ line: m.generatedLine - 1, column: m.generatedColumn, source: m.source ?? '(unmapped)' }),
  );
  marks.sort((a, b) => a.line - b.line || a.column - b.column);
  // Each mapping owns the code up to the next mapping on its line.
  const pieces = marks.map((mark, i) => {
    const next = marks[i + 1];
    const end = next?.line === mark.line ? next.column : (lines[mark.line]?.length ?? 0);
    return { source: mark.source, text: (lines[mark.line] ?? '').slice(mark.column, end) };
  });
  const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
  const whole = gzip(pieces.map((p) => p.text).join(''));
  const sources = [...new Set(pieces.map((p) => p.source))];
  return sources
    .map((source) => {
      const own = pieces.filter((p) => p.source === source);
      const rest = pieces.filter((p) => p.source !== source);
      return {
        source,
        bytes: own.reduce((sum, p) => sum + p.text.length, 0),
        gzip: whole - gzip(rest.map((p) => p.text).join('')),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
