// The ValidationError a call throws, for tests of what the API refuses (not a test file itself).
import { ValidationError } from '../src/index.js';

/** The ValidationError `call` throws; fails when it throws anything else or nothing. */
export function refusal(call: () => unknown): ValidationError {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

/** Each issue of an error as [subject, path, code]. */
export const where = (error: ValidationError): unknown[] => error.issues.map((i) => [error.subject, i.path, i.code]);
