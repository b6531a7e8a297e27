import { FILE_LABELS } from '../api/constants.ts';
import type { FileQuery } from '../api/schemas.ts';

const ID_KEYS = ['session_id', 'flow_id', 'person_id'] as const;

/**
 * The query string of `GET /resources/file`. The spec marks `flow_id` required, but its
 * description says to combine the label with exactly ONE of session_id, flow_id or person_id
 * (see FileQuery in api/schemas.ts); we enforce exactly one, at run time too, because callers
 * in plain JavaScript bypass the type.
 */
export function buildFileQuery(query: FileQuery): string {
  if (!(FILE_LABELS as readonly string[]).includes(query.label)) {
    throw new TypeError(`Unknown file label "${String(query.label)}"; expected one of FILE_LABELS`);
  }
  const present = ID_KEYS.filter((key) => query[key] !== undefined);
  if (present.length !== 1) {
    throw new TypeError(
      `A file query needs exactly one of session_id, flow_id or person_id (got ${present.length})`,
    );
  }
  const key = present[0] as (typeof ID_KEYS)[number];
  const id = query[key] as string;
  if (typeof id !== 'string' || id === '') throw new TypeError(`${key} must be a non-empty string`);
  const params = new URLSearchParams({ label: query.label, [key]: id });
  return params.toString();
}
