import { Alert, Button, Text } from '@mantine/core';
import { useState } from 'react';
import type { FieldIssue } from '../../../domain/errors.js';
import { HealthHistory } from '../../../domain/health-history.js';
import type { HealthHistoryView } from '../../../domain/health-history-views.js';
import { ApiProblem } from '../../api/client.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { RevealOnShow } from '../../components/RevealOnShow.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { useLeaveGuard } from '../../navigation/LeaveGuard.js';
import { HealthHistoryForm } from './HealthHistoryForm.js';
import { historyToForm, readHistory, useHealthHistoryForm } from './historyFormValues.js';

interface Theirs {
  number: number;
  history: HealthHistory;
}

/** A 412 carries the version that won, so the person can load it and redo their change. */
function readTheirs(error: unknown): Theirs | null {
  if (!(error instanceof ApiProblem) || !error.is('stale-version')) return null;
  const current = error.extensions.current as { history?: unknown } | undefined;
  const history = HealthHistory.safeParse(current?.history);
  const number = error.extensions.currentVersion;
  return history.success && typeof number === 'number' ? { number, history: history.data } : null;
}

/**
 * Edits the history starting from the version `start` shows, and saves over exactly that
 * version: if someone saved in between, nothing is overwritten and theirs can be loaded.
 */
export function HealthHistoryEditor({
  start,
  timeZone,
  save,
  onSaved,
  onCancel,
  submitLabel = 'Save health history',
}: {
  start: HealthHistoryView;
  timeZone: string;
  save: (history: HealthHistory, number: number) => Promise<HealthHistoryView>;
  onSaved: (saved: HealthHistoryView) => void;
  onCancel: () => void;
  submitLabel?: string;
}) {
  const [number, setNumber] = useState(start.number);
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const form = useHealthHistoryForm(historyToForm(start.history), timeZone);
  const release = useLeaveGuard(form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await save(readHistory(values), number);
      release();
      onSaved(saved);
    } catch (error) {
      const stale = readTheirs(error);
      if (stale) {
        setTheirs(stale);
        return;
      }
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  const loadTheirs = () => {
    if (!theirs) return;
    const values = historyToForm(theirs.history);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    setNumber(theirs.number);
    setTheirs(null);
  };

  return (
    <HealthHistoryForm
      form={form}
      onSubmit={submit}
      onCancel={() => {
        release();
        onCancel();
      }}
      submitLabel={submitLabel}
      submitDisabled={theirs !== null}
      notices={
        <>
          {theirs && (
            <RevealOnShow key="stale">
              <Alert color="orange" title="Not saved" role="alert">
                <Text size="sm" mb="xs">
                  Someone else saved a newer version of this health history (version {theirs.number}
                  ) while you were editing. Nothing was overwritten. Load their version, then make
                  your changes again.
                </Text>
                <Button size="compact-sm" onClick={loadTheirs}>
                  Load their version
                </Button>
              </Alert>
            </RevealOnShow>
          )}
          {failure && (
            <RevealOnShow key="failure">
              <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />
            </RevealOnShow>
          )}
        </>
      }
    />
  );
}
