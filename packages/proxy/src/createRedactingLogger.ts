/** One structured log line. `fields` never holds request bodies or tokens. */
export type ProxyLogger = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields: Record<string, unknown>,
) => void;

/** The default logger: warnings and errors as JSON lines on stderr; info is dropped. */
export const consoleLogger: ProxyLogger = (level, message, fields) => {
  if (level === 'info') return;
  console.error(JSON.stringify({ level, message, ...fields }));
};

const SENSITIVE_KEY = /api[-_]?key|authorization|secret|token|password|cookie/i;
const REDACTED = '[REDACTED]';

/**
 * Wraps a logger so no line can carry a secret (the API key must never appear in a log line):
 * every exact occurrence of a secret in the message or any string field is replaced, and
 * fields whose names look sensitive are dropped to `[REDACTED]` whatever they hold.
 */
export function createRedactingLogger(logger: ProxyLogger, secrets: readonly string[]): ProxyLogger {
  const active = secrets.filter((secret) => secret.length > 0);
  const scrubText = (text: string) => active.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrubText(value);
    if (value instanceof Error) return { name: value.name, message: scrubText(value.message) };
    if (depth > 4 || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SENSITIVE_KEY.test(key) ? REDACTED : scrub(item, depth + 1);
    }
    return out;
  };
  return (level, message, fields) => {
    logger(level, scrubText(message), scrub(fields, 0) as Record<string, unknown>);
  };
}
