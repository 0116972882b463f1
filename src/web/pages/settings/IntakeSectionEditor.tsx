import { Button, Group, Input, Menu, Paper, Stack, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  questionTypeLabels,
  questionTypes,
  type IntakeForm,
  type IntakeQuestion,
  type IntakeSection,
  type QuestionType,
} from '../../../domain/intake-forms.js';
import { IntakeQuestionEditor } from './IntakeQuestionEditor.js';

/** One section of the form: its title, its questions in order, and a way to add another. */
export function IntakeSectionEditor({
  form,
  sectionIndex,
  section,
  firstNumber,
  expanded,
  onToggle,
  onAdd,
  onMove,
  onRemoveQuestion,
  onRemoveSection,
}: {
  form: UseFormReturnType<IntakeForm>;
  sectionIndex: number;
  section: IntakeSection;
  /** Questions are numbered through the whole form, as the owner counts them. */
  firstNumber: number;
  expanded: ReadonlySet<string>;
  onToggle: (questionId: string) => void;
  onAdd: (type: QuestionType) => void;
  onMove: (question: IntakeQuestion, direction: -1 | 1) => void;
  onRemoveQuestion: (question: IntakeQuestion) => void;
  onRemoveSection: () => void;
}) {
  const path = `sections.${sectionIndex}`;
  const headingId = `section-heading-${section.id}`;
  const title = section.title.trim() || 'New section';
  const sectionCount = form.getValues().sections.length;
  const listError = form.errors[`${path}.questions`];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} bg="gray.0">
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          Section {sectionIndex + 1}: {title}
        </Title>
        <TextInput
          label="Section title"
          maxLength={200}
          style={{ maxWidth: '32rem' }}
          {...form.getInputProps(`${path}.title`)}
        />
        <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {section.questions.map((question, index) => (
            <li key={question.id}>
              <IntakeQuestionEditor
                form={form}
                path={`${path}.questions.${index}`}
                number={firstNumber + index}
                question={question}
                expanded={expanded.has(question.id)}
                // Past either end of a section a question moves into the next one.
                canMoveUp={sectionIndex > 0 || index > 0}
                canMoveDown={
                  sectionIndex < sectionCount - 1 || index < section.questions.length - 1
                }
                onToggle={() => onToggle(question.id)}
                onMove={(direction) => onMove(question, direction)}
                onRemove={() => onRemoveQuestion(question)}
              />
            </li>
          ))}
        </Stack>
        {listError && <Input.Error role="alert">{listError}</Input.Error>}
        <Group gap="sm">
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button
                id={`add-question-${section.id}`}
                variant="default"
                aria-label={`Add a question to ${title}`}
              >
                Add a question
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Type of answer</Menu.Label>
              {questionTypes.map((type) => (
                <Menu.Item key={type} onClick={() => onAdd(type)}>
                  {questionTypeLabels[type]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button
            variant="subtle"
            color="red"
            aria-label={`Remove this section: ${title}`}
            onClick={onRemoveSection}
          >
            Remove this section
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
