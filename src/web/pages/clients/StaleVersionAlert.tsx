import { Alert, Button, Text } from '@mantine/core';

/**
 * Someone saved this client while the form was open. Nothing is overwritten: the person's own
 * text stays in the form until they choose to load the other version.
 */
export function StaleVersionAlert({
  changedFields,
  onLoadTheirs,
}: {
  changedFields: string[];
  onLoadTheirs: () => void;
}) {
  return (
    <Alert color="orange" title="Not saved" role="alert">
      <Text size="sm">
        This client was changed by someone else while you were editing. Your changes were not saved.
      </Text>
      {changedFields.length > 0 && (
        <Text size="sm" mt="xs">
          Their version differs from yours in: {changedFields.join(', ')}.
        </Text>
      )}
      <Text size="sm" mt="xs" mb="sm">
        Your text is still in the form below; copy anything you want to keep before loading their
        version.
      </Text>
      <Button onClick={onLoadTheirs}>Load their version</Button>
    </Alert>
  );
}
