import { Button, Group, Text } from '@mantine/core';

/**
 * Says where the words in an untouched field came from, so nobody mistakes a template's prompt
 * for something observed, and offers to take those words out again.
 */
export function StartedFromTemplate({ name, onClear }: { name: string; onClear: () => void }) {
  return (
    <Group gap="sm" align="center" className="started-from-template">
      <Text size="sm">Started from the {name} template.</Text>
      <Button variant="subtle" size="compact-sm" onClick={onClear}>
        Clear template text
      </Button>
    </Group>
  );
}
