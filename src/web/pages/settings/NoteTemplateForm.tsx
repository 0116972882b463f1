import './note-templates.css';
import { Button, Group, Select, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FieldIssue } from '../../../domain/errors.js';
import {
  NoteTemplateView,
  defaultNoteTemplates,
  type NoteTemplate,
} from '../../../domain/note-templates.js';
import { ApiProblem, versionTag } from '../../api/client.js';
import type { Catalogue } from '../../api/catalogue.js';
import { updateNoteTemplate } from '../../api/noteTemplates.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { RevealOnShow } from '../../components/RevealOnShow.js';
import { StaleNotice } from '../../components/StaleNotice.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { useLeaveGuard } from '../../navigation/LeaveGuard.js';
import {
  readNoteTemplate,
  templateSections,
  templateToForm,
  useNoteTemplateForm,
} from './noteTemplateFormValues.js';
import { SuggestedTechniqueRows } from './SuggestedTechniqueRows.js';

const heatColdChoices = [
  { value: 'none', label: 'None' },
  { value: 'heat', label: 'Heat' },
  { value: 'cold', label: 'Cold' },
  { value: 'contrast', label: 'Contrast' },
];

/** One session type's template, edited by the owner and saved with the version it was read at. */
export function NoteTemplateForm({
  loaded,
  techniques,
  onSaved,
}: {
  loaded: NoteTemplateView;
  techniques: Catalogue['techniques'];
  onSaved: (saved: NoteTemplateView) => void;
}) {
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  // Taken once: a background refresh must not move the version this edit is based on.
  const [etag, setEtag] = useState(versionTag(loaded.version));
  const form = useNoteTemplateForm(loaded.template);
  const release = useLeaveGuard(form.isDirty());
  const name = loaded.sessionTypeName;
  const shipped = Object.hasOwn(defaultNoteTemplates, loaded.sessionType)
    ? defaultNoteTemplates[loaded.sessionType]
    : undefined;

  const show = (template: NoteTemplate, version: number) => {
    const values = templateToForm(template);
    setEtag(versionTag(version));
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await updateNoteTemplate(loaded.sessionType, readNoteTemplate(values), etag);
      release();
      show(saved.value.template, saved.value.version);
      onSaved(saved.value);
      notifications.show({ color: 'teal', message: `The ${name} template was saved.` });
    } catch (error) {
      // Suggestion rows are a list: their errors go beside the row's own fields.
      const unplaced = placeFieldErrors(form, error).filter((issue) => {
        if (!issue.field.startsWith('treatment.techniques')) return true;
        form.setFieldError(issue.field, issue.message);
        return false;
      });
      setFailure({ error, unplaced });
    }
  }, focusFirstError(form));

  const stale = failure?.error instanceof ApiProblem && failure.error.is('stale-version');
  const theirs =
    stale && failure.error instanceof ApiProblem
      ? NoteTemplateView.safeParse(failure.error.extensions.current)
      : null;

  return (
    <form onSubmit={submit} noValidate aria-label={`${name} template`}>
      <Stack gap="md">
        {failure && (
          <RevealOnShow key={stale ? 'stale' : 'failure'}>
            {stale ? (
              <StaleNotice>
                <Text size="sm" mb="xs">
                  The {name} template was changed by someone else while you were editing. Your
                  changes were not saved.
                </Text>
                {theirs?.success && (
                  <Button
                    variant="default"
                    size="compact-sm"
                    onClick={() => {
                      show(theirs.data.template, theirs.data.version);
                      setFailure(null);
                    }}
                  >
                    Show the saved template (drops your changes)
                  </Button>
                )}
              </StaleNotice>
            ) : (
              <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />
            )}
          </RevealOnShow>
        )}
        <Text size="sm" c="dimmed">
          {loaded.customised
            ? 'Your practice’s own wording.'
            : 'The wording Palpate ships with; change it to suit your practice.'}
        </Text>
        {templateSections.map((section) => (
          <Stack gap="sm" key={section.title}>
            <Title order={3} size="h4">
              {section.title}
            </Title>
            {section.fields.map(([path, label]) => (
              <Textarea
                key={path}
                label={label}
                autosize
                minRows={2}
                maxLength={2_000}
                {...form.getInputProps(path)}
              />
            ))}
            {section.title === 'Treatment' && (
              <>
                <SuggestedTechniqueRows form={form} techniques={techniques} />
                <Select
                  label="Heat or cold"
                  description="Recorded as applied unless the therapist changes it."
                  data={heatColdChoices}
                  allowDeselect={false}
                  {...form.getInputProps('treatment.heatCold')}
                />
                <TagsInput
                  label="Tools"
                  description="Press Enter after each."
                  maxTags={20}
                  {...form.getInputProps('treatment.tools')}
                />
              </>
            )}
          </Stack>
        ))}
        <Group>
          <Button type="submit" loading={form.submitting}>
            Save {name} template
          </Button>
          {shipped && (
            <Button variant="default" onClick={() => form.setValues(templateToForm(shipped))}>
              Use the shipped wording
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
