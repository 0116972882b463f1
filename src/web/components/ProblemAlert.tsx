import { Alert, List } from '@mantine/core';
import { ApiProblem, problemMessage } from '../api/client.js';

/**
 * A problem that belongs to no single field, shown above the form. Field problems the form
 * could not place (a field this form does not show) are listed so nothing is swallowed.
 */
export function ProblemAlert({
  error,
  title: givenTitle,
  unplacedFields = [],
}: {
  error: unknown;
  /** Overrides the problem's own title where the page knows better words for it. */
  title?: string;
  unplacedFields?: { field: string; message: string }[];
}) {
  if (error === null || error === undefined) return null;
  const title = givenTitle ?? (error instanceof ApiProblem ? error.title : 'Something went wrong');
  const message = problemMessage(error);
  return (
    <Alert color="red" title={title} role="alert" mb="md">
      {message !== title && message}
      {unplacedFields.length > 0 && (
        <List size="sm" mt="xs">
          {unplacedFields.map((issue) => (
            <List.Item key={issue.field}>
              {issue.field}: {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
