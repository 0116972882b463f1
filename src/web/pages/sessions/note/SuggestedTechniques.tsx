import { Button, Group, Text } from '@mantine/core';
import { useId } from 'react';
import type { SuggestedTechnique } from '../../../../domain/note-templates.js';
import { pressureLabels } from '../../../../domain/notes.js';

/**
 * The techniques a template suggests, as buttons: a technique is part of the record (and of
 * what progress analytics count) only once the therapist adds it.
 */
export function SuggestedTechniques({
  templateName,
  suggestions,
  nameOf,
  onAdd,
}: {
  templateName: string;
  suggestions: SuggestedTechnique[];
  nameOf: (code: string) => string;
  onAdd: (suggestion: SuggestedTechnique) => void;
}) {
  const labelId = `suggested-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  if (suggestions.length === 0) return null;
  return (
    <div role="group" aria-labelledby={labelId}>
      <Text size="sm" id={labelId} mb={4}>
        Suggested by the {templateName} template (add the ones you used):
      </Text>
      <Group gap="xs">
        {suggestions.map((suggestion) => (
          <Button
            key={suggestion.technique}
            variant="light"
            size="compact-md"
            onClick={() => onAdd(suggestion)}
          >
            Add {nameOf(suggestion.technique)}, {suggestion.minutes} min,{' '}
            {pressureLabels[suggestion.pressure]?.toLowerCase()}
          </Button>
        ))}
      </Group>
    </div>
  );
}
