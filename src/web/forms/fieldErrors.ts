import type { FieldIssue } from '../../domain/errors.js';
import { ApiProblem } from '../api/client.js';

interface FormWithErrors {
  getValues: () => unknown;
  setFieldError: (path: never, error: React.ReactNode) => void;
  getInputNode: (path: never) => HTMLElement | null;
}

/** Every leaf path of a form's values, dotted: `address.city`, `communicationPreferences.sms`. */
function fieldPaths(values: unknown, prefix = ''): string[] {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    return [prefix.slice(0, -1)];
  }
  return Object.entries(values).flatMap(([key, inner]) => fieldPaths(inner, `${prefix}${key}.`));
}

/**
 * Puts a problem's field errors next to the fields they name (the server uses the same dotted
 * paths as the form), focuses the first, and returns those the form has no field for.
 */
export function placeFieldErrors(form: FormWithErrors, error: unknown): FieldIssue[] {
  if (!(error instanceof ApiProblem)) return [];
  const known = new Set(fieldPaths(form.getValues()));
  const unplaced: FieldIssue[] = [];
  let focused = false;
  for (const issue of error.errors) {
    if (!known.has(issue.field)) {
      unplaced.push(issue);
      continue;
    }
    form.setFieldError(issue.field as never, issue.message);
    if (!focused) {
      form.getInputNode(issue.field as never)?.focus();
      focused = true;
    }
  }
  return unplaced;
}

/** After a failed check, take the keyboard to the first field that needs attention. */
export function focusFirstError(form: Pick<FormWithErrors, 'getInputNode'>) {
  return (errors: Record<string, unknown>): void => {
    const first = Object.keys(errors)[0];
    if (first !== undefined) form.getInputNode(first as never)?.focus();
  };
}
