import type { FormErrors } from '@mantine/form';
import type { ZodType } from 'zod';

/**
 * Validates a Mantine form with a domain schema, so the browser and the server apply the same
 * rules. `prepare` turns the form's strings into what the schema reads (empty date → null).
 * The first message per field wins; paths are dotted like the form's own (`address.city`).
 */
export function zodResolver<Values>(
  schema: ZodType,
  prepare: (values: Values) => unknown = (values) => values,
): (values: Values) => FormErrors {
  return (values) => {
    const result = schema.safeParse(prepare(values));
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (!(path in errors)) errors[path] = issue.message;
    }
    return errors;
  };
}
