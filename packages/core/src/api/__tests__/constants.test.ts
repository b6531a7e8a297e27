import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  END_CAUSES,
  EXECUTION_STATUSES,
  FILE_LABELS,
  FRONTEND_SESSION_STATUSES,
  LIVENESS_ERRORS,
  LOCALES,
  SERVICE_NAMES,
  STATE_NAMES,
  STEP_MAX_RETRIES,
  STEP_TIMEOUT,
  THEMES,
} from '../constants.ts';

const spec = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../openapi/verigram-2.0.json'), 'utf8'),
);
const schemas = spec.components.schemas;

describe('runtime enums', () => {
  it.each([
    ['LOCALES', LOCALES, schemas.CreateFlow.properties.locale.enum],
    ['THEMES', THEMES, schemas.FlowTheme.enum],
    ['SERVICE_NAMES', SERVICE_NAMES, schemas.ServiceName.enum],
    ['FILE_LABELS', FILE_LABELS, spec.components.parameters.FilterFileLabelExact.schema.enum],
    ['LIVENESS_ERRORS', LIVENESS_ERRORS, schemas.LivenessError.enum],
    ['EXECUTION_STATUSES', EXECUTION_STATUSES, schemas.ExecutionStatus.enum],
    ['END_CAUSES', END_CAUSES, schemas.FlowEndCause.enum],
    ['STATE_NAMES', STATE_NAMES, schemas.StateName.enum],
    [
      'FRONTEND_SESSION_STATUSES',
      FRONTEND_SESSION_STATUSES,
      schemas.FlowServiceStatus.properties.frontend_session_status.enum,
    ],
  ])('%s lists exactly the spec enum', (_name, actual, expected) => {
    expect([...actual]).toEqual(expected);
  });

  it('step bounds match PipelineStep', () => {
    const { timeout, max_retries } = schemas.PipelineStep.properties;
    expect(STEP_TIMEOUT).toEqual({ min: timeout.minimum, max: timeout.maximum, default: timeout.default });
    expect(STEP_MAX_RETRIES).toEqual({
      min: max_retries.minimum,
      max: max_retries.maximum,
      default: max_retries.default,
    });
  });
});
