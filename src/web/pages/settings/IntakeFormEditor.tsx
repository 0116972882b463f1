import { Button, Group, Input, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { FieldIssue } from '../../../domain/errors.js';
import { defaultIntakeForm } from '../../../domain/intake-default-form.js';
import {
  IntakeFormView,
  intakeBindings,
  type IntakeForm,
  type IntakeQuestion,
} from '../../../domain/intake-forms.js';
import { ApiProblem, versionTag } from '../../api/client.js';
import { saveIntakeForm } from '../../api/intake.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { RevealOnShow } from '../../components/RevealOnShow.js';
import { StaleNotice } from '../../components/StaleNotice.js';
import { useLeaveGuard } from '../../navigation/LeaveGuard.js';
import {
  checkIntakeForm,
  formToSave,
  moveQuestion,
  newQuestion,
  newSection,
  questionAt,
} from './intakeFormEditing.js';
import { questionName } from './IntakeQuestionEditor.js';
import { IntakeSectionEditor } from './IntakeSectionEditor.js';

type Removal =
  | { kind: 'question'; question: IntakeQuestion; sectionId: string }
  | { kind: 'section'; sectionIndex: number };

/** Paths of the form's own fields, where a server message can be shown beside its field. */
const placeable =
  /^(title|intro|sections(\.\d+(\.(title|questions(\.\d+(\.[a-z]+(\.\d+\.\w+)?)?)?))?)?)$/;

/** The practice's intake form, edited as a whole and saved with the version it was read at. */
export function IntakeFormEditor({
  loaded,
  onSaved,
}: {
  loaded: IntakeFormView;
  onSaved: (saved: IntakeFormView) => void;
}) {
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  // Taken once: a background refresh must not move the version this edit is based on.
  const [etag, setEtag] = useState(versionTag(loaded.version));
  const [customised, setCustomised] = useState(loaded.customised);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [restored, setRestored] = useState(false);
  // The element to take the keyboard to once the next render has put it on the page.
  const focusNext = useRef<{ id: string; fallback?: string } | null>(null);
  const form = useForm<IntakeForm>({
    mode: 'controlled',
    initialValues: structuredClone(loaded.form),
    validate: checkIntakeForm,
  });
  const release = useLeaveGuard(form.isDirty());
  const values = form.getValues();

  useEffect(() => {
    const wanted = focusNext.current;
    if (!wanted) return;
    focusNext.current = null;
    const target = document.getElementById(wanted.id) as HTMLButtonElement | null;
    const fallback = wanted.fallback ? document.getElementById(wanted.fallback) : null;
    (target && !target.disabled ? target : (fallback ?? target))?.focus();
  });

  const show = (view: IntakeFormView) => {
    const next = structuredClone(view.form);
    setEtag(versionTag(view.version));
    setCustomised(view.customised);
    setRestored(false);
    form.setInitialValues(next);
    form.setValues(next);
    form.resetDirty(next);
  };

  /** Opens every question a message is about, so the message can be seen beside its field. */
  const openQuestionsWith = (fields: string[]) => {
    const ids = fields.flatMap((field) => questionAt(form.getValues(), field)?.id ?? []);
    if (ids.length) setExpanded((open) => new Set([...open, ...ids]));
    const first = fields[0];
    if (first !== undefined) {
      requestAnimationFrame(() => form.getInputNode(first)?.focus());
    }
  };

  const submit = form.onSubmit(
    async (edited) => {
      setFailure(null);
      try {
        const saved = await saveIntakeForm(formToSave(edited), etag);
        release();
        show(saved.value);
        onSaved(saved.value);
        notifications.show({ color: 'teal', message: 'The intake form was saved.' });
      } catch (error) {
        const issues = error instanceof ApiProblem ? error.errors : [];
        const placed = issues.filter((issue) => placeable.test(issue.field));
        for (const issue of placed) form.setFieldError(issue.field, issue.message);
        openQuestionsWith(placed.map((issue) => issue.field));
        setFailure({ error, unplaced: issues.filter((issue) => !placed.includes(issue)) });
      }
    },
    (errors) => openQuestionsWith(Object.keys(errors)),
  );

  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const addQuestion = (sectionIndex: number, type: IntakeQuestion['type']) => {
    const question = newQuestion(form.getValues(), type);
    const path = `sections.${sectionIndex}.questions`;
    form.insertListItem(path, question);
    setExpanded((open) => new Set([...open, question.id]));
    const index = form.getValues().sections[sectionIndex]?.questions.length ?? 1;
    requestAnimationFrame(() => form.getInputNode(`${path}.${index - 1}.label`)?.focus());
  };

  const move = (question: IntakeQuestion, direction: -1 | 1) => {
    const moved = moveQuestion(form.getValues(), question.id, direction);
    if (!moved) return;
    // Messages are kept by position; once questions move they would sit beside the wrong one.
    form.clearErrors();
    form.setFieldValue('sections', moved.sections);
    const [here, other] = direction < 0 ? ['up', 'down'] : ['down', 'up'];
    focusNext.current = {
      id: `move-${here}-${question.id}`,
      fallback: `move-${other}-${question.id}`,
    };
  };

  const remove = (target: Removal) => {
    const sections = form.getValues().sections;
    form.clearErrors();
    if (target.kind === 'question') {
      const next = sections.map((section) => ({
        ...section,
        questions: section.questions.filter((question) => question.id !== target.question.id),
      }));
      form.setFieldValue('sections', next);
      focusNext.current = { id: `add-question-${target.sectionId}` };
    } else {
      form.removeListItem('sections', target.sectionIndex);
      focusNext.current = { id: 'add-intake-section' };
    }
    setRemoval(null);
  };

  const askToRemoveQuestion = (question: IntakeQuestion, sectionId: string) => {
    const target: Removal = { kind: 'question', question, sectionId };
    // A question that fills the record is worth a second thought; a free one goes at once.
    if (question.binding) setRemoval(target);
    else remove(target);
  };

  const addSection = () => {
    const section = newSection(form.getValues());
    form.insertListItem('sections', section);
    const index = form.getValues().sections.length;
    requestAnimationFrame(() => form.getInputNode(`sections.${index - 1}.title`)?.focus());
  };

  const restoreDefault = () => {
    form.setValues(structuredClone(defaultIntakeForm));
    setExpanded(new Set());
    setRestored(true);
  };

  const stale = failure?.error instanceof ApiProblem && failure.error.is('stale-version');
  const theirs =
    stale && failure.error instanceof ApiProblem
      ? IntakeFormView.safeParse(failure.error.extensions.current)
      : null;
  const firstNumbers = values.sections.reduce<number[]>(
    (numbers, section, index) => [
      ...numbers,
      index === 0 ? 1 : numbers[index - 1]! + values.sections[index - 1]!.questions.length,
    ],
    [],
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Intake form">
      <Stack gap="md">
        {failure && (
          <RevealOnShow key={stale ? 'stale' : 'failure'}>
            {stale ? (
              <StaleNotice>
                <Text size="sm" mb="xs">
                  Someone else saved the intake form while you were editing it. Your changes were
                  not saved.
                </Text>
                {theirs?.success && (
                  <Button
                    variant="default"
                    size="compact-sm"
                    onClick={() => {
                      show(theirs.data);
                      setFailure(null);
                    }}
                  >
                    Load the saved form (drops your changes)
                  </Button>
                )}
              </StaleNotice>
            ) : (
              <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />
            )}
          </RevealOnShow>
        )}
        <Text size="sm" c="dimmed">
          {restored
            ? 'The default form is in the editor: save to send it to clients from now on.'
            : customised
              ? 'Your practice’s own form. Links sent from now on show what you save here.'
              : 'The form Palpate ships with; change it to suit your practice.'}
        </Text>
        <TextInput label="Form title" maxLength={200} {...form.getInputProps('title')} />
        <Textarea
          label="Introduction"
          description="Shown above the first question."
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('intro')}
          value={values.intro ?? ''}
          onChange={(event) => form.setFieldValue('intro', event.currentTarget.value)}
        />
        {values.sections.map((section, sectionIndex) => {
          return (
            <IntakeSectionEditor
              key={section.id}
              form={form}
              sectionIndex={sectionIndex}
              section={section}
              firstNumber={firstNumbers[sectionIndex]!}
              expanded={expanded}
              onToggle={toggle}
              onAdd={(type) => addQuestion(sectionIndex, type)}
              onMove={move}
              onRemoveQuestion={(question) => askToRemoveQuestion(question, section.id)}
              onRemoveSection={() => {
                const target: Removal = { kind: 'section', sectionIndex };
                if (section.questions.length > 0) setRemoval(target);
                else remove(target);
              }}
            />
          );
        })}
        {form.errors['sections'] && (
          <Input.Error role="alert">{form.errors['sections']}</Input.Error>
        )}
        <div>
          <Button id="add-intake-section" variant="default" onClick={addSection}>
            Add a section
          </Button>
        </div>
        <Group
          gap="sm"
          py="sm"
          pos="sticky"
          bottom={0}
          bg="var(--mantine-color-body)"
          style={{ zIndex: 2, borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Button type="submit" loading={form.submitting}>
            Save the intake form
          </Button>
          <Button variant="default" onClick={restoreDefault}>
            Restore the default form
          </Button>
          {form.isDirty() && (
            <Text size="sm" c="dimmed">
              Unsaved changes
            </Text>
          )}
        </Group>
      </Stack>
      <ConfirmDialog
        opened={removal !== null}
        title={removal?.kind === 'section' ? 'Remove this section?' : 'Remove this question?'}
        confirmLabel="Remove"
        danger
        onConfirm={() => removal && remove(removal)}
        onCancel={() => setRemoval(null)}
      >
        {removal && removalWarning(removal, values)}
      </ConfirmDialog>
    </form>
  );
}

function removalWarning(removal: Removal, form: IntakeForm): string {
  if (removal.kind === 'question') {
    const binding = removal.question.binding ? intakeBindings[removal.question.binding] : null;
    return `“${questionName(removal.question)}” fills the client’s ${
      binding?.label.toLowerCase() ?? 'record'
    }. Without it, intake answers no longer fill that field; you can add it back by restoring the default form.`;
  }
  const section = form.sections[removal.sectionIndex];
  const count = section?.questions.length ?? 0;
  const filling = section?.questions.filter((question) => question.binding).length ?? 0;
  return `“${section?.title.trim() || 'New section'}” and its ${count} ${
    count === 1 ? 'question' : 'questions'
  } will be removed${
    filling > 0 ? `, ${filling} of which fill the client’s record` : ''
  }. Nothing changes for clients until you save.`;
}
