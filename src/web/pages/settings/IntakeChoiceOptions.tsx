import { Button, Checkbox, Group, Input, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  intakeBindings,
  type IntakeForm,
  type IntakeQuestion,
} from '../../../domain/intake-forms.js';
import { newOption } from './intakeFormEditing.js';

/**
 * The answers a choice offers. A choice that fills a record field offers only that field's
 * values, so its options can be reworded or dropped but not added; a free choice takes any.
 */
export function IntakeChoiceOptions({
  form,
  path,
  question,
}: {
  form: UseFormReturnType<IntakeForm>;
  path: string;
  question: IntakeQuestion;
}) {
  const rule = question.binding ? intakeBindings[question.binding] : null;
  const fixedValues = rule !== null && 'values' in rule;
  const listError = form.errors[`${path}.options`];
  const titleId = `options-title-${question.id}`;

  const add = () => {
    form.clearFieldError(`${path}.options`);
    form.insertListItem(`${path}.options`, newOption(question));
    const index = question.options.length;
    // The new field exists after this render; take the keyboard there to type its words.
    requestAnimationFrame(() => form.getInputNode(`${path}.options.${index}.label`)?.focus());
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby={titleId}>
      <Input.Label id={titleId} component="div">
        Options to choose from
      </Input.Label>
      {question.options.map((option, index) => {
        const optionPath = `${path}.options.${index}`;
        const label = `Option ${index + 1}`;
        return (
          <Group key={option.value} gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              label={label}
              maxLength={200}
              style={{ flex: '1 1 14rem' }}
              {...form.getInputProps(`${optionPath}.label`)}
              error={form.errors[`${optionPath}.label`] ?? form.errors[`${optionPath}.value`]}
            />
            {question.type === 'multi_choice' && (
              <Checkbox
                mt={30}
                label="Clears the others (e.g. None of these)"
                {...form.getInputProps(`${optionPath}.exclusive`, { type: 'checkbox' })}
              />
            )}
            <Button
              mt={26}
              size="compact-md"
              variant="subtle"
              color="red"
              aria-label={`Remove ${label.toLowerCase()}: ${option.label || 'empty'}`}
              onClick={() => form.removeListItem(`${path}.options`, index)}
            >
              Remove
            </Button>
          </Group>
        );
      })}
      {listError && <Input.Error role="alert">{listError}</Input.Error>}
      {fixedValues ? (
        <Input.Description>
          These options fill the client’s {rule.label.toLowerCase()}; you can reword or remove them.
          Restore the default form to bring a removed one back.
        </Input.Description>
      ) : (
        <Button variant="default" size="compact-md" w="fit-content" onClick={add}>
          Add an option
        </Button>
      )}
    </Stack>
  );
}
