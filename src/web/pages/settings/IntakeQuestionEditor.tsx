import {
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { IntakeAnswer } from '../../../domain/intake-answers.js';
import {
  intakeBindings,
  questionTypeLabels,
  questionTypesFor,
  type IntakeForm,
  type IntakeQuestion,
  type QuestionType,
} from '../../../domain/intake-forms.js';
import { IntakeQuestionField } from '../intake/IntakeQuestionField.js';
import { IntakeChoiceOptions } from './IntakeChoiceOptions.js';
import { isChoice, retype } from './intakeFormEditing.js';

const dateChoices = [
  { value: 'any', label: 'Any date' },
  { value: 'past', label: 'Today or earlier (e.g. a birth date)' },
  { value: 'future', label: 'Today or later (e.g. a due date)' },
];

export const questionName = (question: IntakeQuestion) => question.label.trim() || 'New question';

/**
 * One question in the editor: a line with what it is and buttons to move, edit and remove it,
 * opening into its wording, type, choices and a preview of what the client will see.
 */
export function IntakeQuestionEditor({
  form,
  path,
  number,
  question,
  expanded,
  canMoveUp,
  canMoveDown,
  onToggle,
  onMove,
  onRemove,
}: {
  form: UseFormReturnType<IntakeForm>;
  /** `sections.1.questions.4`: where the question sits in the form's values. */
  path: string;
  number: number;
  question: IntakeQuestion;
  expanded: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onToggle: () => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  const name = questionName(question);
  const binding = question.binding ? intakeBindings[question.binding] : null;
  const types = questionTypesFor(question.binding);
  const editorId = `question-editor-${question.id}`;
  const unshown = [form.errors[`${path}.binding`], form.errors[`${path}.id`]].filter(Boolean);
  const hasError = Object.keys(form.errors).some(
    (field) => field === path || field.startsWith(`${path}.`),
  );

  return (
    <Paper
      withBorder
      p="sm"
      role="group"
      aria-label={`Question ${number}: ${name}`}
      style={hasError ? { borderColor: 'var(--mantine-color-error)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="xs">
        <Box style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {number}. {name}
          </Text>
          <Group gap={6} mt={4}>
            <Badge variant="light" color="gray">
              {questionTypeLabels[question.type]}
            </Badge>
            {question.required && (
              <Badge variant="light" color="blue">
                Required
              </Badge>
            )}
            {binding && (
              <Badge variant="light" color="teal" style={{ textTransform: 'none' }}>
                Fills: {binding.label}
              </Badge>
            )}
          </Group>
        </Box>
        <Group gap={6} wrap="wrap">
          <Button
            id={`move-up-${question.id}`}
            size="compact-md"
            variant="default"
            disabled={!canMoveUp}
            aria-label={`Move up: ${name}`}
            onClick={() => onMove(-1)}
          >
            Move up
          </Button>
          <Button
            id={`move-down-${question.id}`}
            size="compact-md"
            variant="default"
            disabled={!canMoveDown}
            aria-label={`Move down: ${name}`}
            onClick={() => onMove(1)}
          >
            Move down
          </Button>
          <Button
            id={`edit-${question.id}`}
            size="compact-md"
            variant={expanded ? 'light' : 'default'}
            aria-expanded={expanded}
            aria-controls={editorId}
            aria-label={`Edit: ${name}`}
            onClick={onToggle}
          >
            Edit
          </Button>
          <Button
            size="compact-md"
            variant="subtle"
            color="red"
            aria-label={`Remove: ${name}`}
            onClick={onRemove}
          >
            Remove
          </Button>
        </Group>
      </Group>
      {expanded && (
        <Stack id={editorId} gap="sm" mt="sm">
          {binding && (
            <Text size="sm" c="dimmed">
              The answer fills the client’s {binding.label.toLowerCase()} once a therapist accepts
              the intake.
            </Text>
          )}
          {unshown.map((message) => (
            <Text key={String(message)} size="sm" c="red" role="alert">
              {message}
            </Text>
          ))}
          <TextInput label="Question" maxLength={300} {...form.getInputProps(`${path}.label`)} />
          <TextInput
            label="Help text"
            description="Shown under the question; leave empty for none."
            maxLength={500}
            {...form.getInputProps(`${path}.help`)}
            value={question.help ?? ''}
            onChange={(event) => form.setFieldValue(`${path}.help`, event.currentTarget.value)}
          />
          <Group gap="md" align="flex-end" wrap="wrap">
            <Select
              label="Type of answer"
              description={
                binding && types.length < 2 ? `The only type ${binding.label} takes.` : undefined
              }
              data={types.map((type) => ({ value: type, label: questionTypeLabels[type] }))}
              allowDeselect={false}
              disabled={types.length < 2}
              style={{ flex: '1 1 14rem' }}
              {...form.getInputProps(`${path}.type`)}
              onChange={(type) => {
                if (type) form.setFieldValue(path, retype(question, type as QuestionType));
              }}
            />
            {question.type === 'date' && (
              <Select
                label="Dates allowed"
                data={dateChoices}
                allowDeselect={false}
                style={{ flex: '1 1 14rem' }}
                {...form.getInputProps(`${path}.dates`)}
              />
            )}
          </Group>
          <Checkbox
            label="The client must answer"
            {...form.getInputProps(`${path}.required`, { type: 'checkbox' })}
          />
          {isChoice(question.type) && (
            <IntakeChoiceOptions form={form} path={path} question={question} />
          )}
          <ClientPreview question={question} />
        </Stack>
      )}
    </Paper>
  );
}

/** The question as the client's phone will show it, answerable here without saving anything. */
function ClientPreview({ question }: { question: IntakeQuestion }) {
  const [answer, setAnswer] = useState<IntakeAnswer | undefined>(undefined);
  return (
    <Paper
      bg="gray.0"
      p="sm"
      radius="sm"
      component="section"
      aria-label={`How the client sees: ${questionName(question)}`}
    >
      <Text size="xs" c="dimmed" mb={4}>
        How the client sees it
      </Text>
      <IntakeQuestionField
        question={{ ...question, label: questionName(question) }}
        value={answer}
        error={undefined}
        onChange={setAnswer}
      />
    </Paper>
  );
}
