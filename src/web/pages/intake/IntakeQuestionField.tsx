import { Checkbox, MultiSelect, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { bodyRegions } from '../../../domain/body-regions.js';
import type { IntakeAnswer } from '../../../domain/intake-answers.js';
import type { IntakeQuestion } from '../../../domain/intake-forms.js';

const regionChoices = bodyRegions.map((region) => ({ value: region.code, label: region.label }));

/**
 * One question of an intake form, as a client fills it on a phone: large controls, the label
 * always visible, and the server's message under the question it belongs to.
 */
export function IntakeQuestionField({
  question,
  value,
  error,
  onChange,
}: {
  question: IntakeQuestion;
  value: IntakeAnswer | undefined;
  error: string | undefined;
  onChange: (value: IntakeAnswer) => void;
}) {
  const common = {
    label: question.label,
    description: question.help ?? undefined,
    withAsterisk: question.required,
    error,
    size: 'md' as const,
  };
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? value : [];
  switch (question.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          name={question.id}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'long_text':
      return (
        <Textarea
          {...common}
          name={question.id}
          autosize
          minRows={3}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          name={question.id}
          type="date"
          value={text}
          onChange={(event) => onChange(event.currentTarget.value || null)}
        />
      );
    case 'choice':
      return (
        <Radio.Group {...common} name={question.id} value={text || null} onChange={onChange}>
          <Stack gap="sm" mt="xs">
            {question.options.map((option) => (
              <Radio key={option.value} size="md" value={option.value} label={option.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'yes_no':
      return (
        <Radio.Group
          {...common}
          name={question.id}
          value={value === true ? 'yes' : value === false ? 'no' : null}
          onChange={(chosen) => onChange(chosen === 'yes')}
        >
          <Stack gap="sm" mt="xs">
            <Radio size="md" value="yes" label="Yes" />
            <Radio size="md" value="no" label="No" />
          </Stack>
        </Radio.Group>
      );
    case 'multi_choice':
      return (
        <Checkbox.Group
          {...common}
          value={list}
          onChange={(chosen) => {
            // Choosing "None of these" clears the rest, and choosing another clears it.
            const exclusive = question.options.filter((option) => option.exclusive);
            const added = chosen.find((entry) => !list.includes(entry));
            const isExclusive = exclusive.some((option) => option.value === added);
            onChange(
              isExclusive
                ? [added!]
                : chosen.filter((entry) => !exclusive.some((option) => option.value === entry)),
            );
          }}
        >
          <Stack gap="sm" mt="xs">
            {question.options.map((option) => (
              <Checkbox key={option.value} size="md" value={option.value} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'body_regions':
      return (
        <MultiSelect
          {...common}
          data={regionChoices}
          value={list}
          onChange={onChange}
          searchable
          clearable
          placeholder={list.length ? undefined : 'Type to find an area, e.g. knee'}
          nothingFoundMessage="No area by that name"
        />
      );
  }
}
