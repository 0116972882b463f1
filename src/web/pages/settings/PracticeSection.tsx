import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '../../../domain/errors.js';
import type { Practice } from '../../../domain/practice.js';
import { ApiProblem, type Versioned } from '../../api/client.js';
import { fetchPractice, practiceKeys, updatePractice } from '../../api/practice.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { RevealOnShow } from '../../components/RevealOnShow.js';
import { StaleNotice } from '../../components/StaleNotice.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { PracticeProfileFields } from '../../forms/PracticeProfileFields.js';
import { useLeaveGuard } from '../../navigation/LeaveGuard.js';
import { useSessionState } from '../../session/SessionProvider.js';
import { practiceToForm, readPracticeUpdate, usePracticeForm } from './practiceFormValues.js';

const careModelChoices = [
  { value: 'shared', label: 'Shared care' },
  { value: 'assigned', label: 'Assigned care' },
];

export function PracticeSection({ canEdit }: { canEdit: boolean }) {
  const practice = useQuery({
    queryKey: practiceKeys.current,
    queryFn: ({ signal }) => fetchPractice(signal),
    refetchOnWindowFocus: false,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-practice">
      <Title order={2} size="h3" id="settings-practice" mb="xs">
        Practice
      </Title>
      {!canEdit && (
        <Text size="sm" c="dimmed" mb="sm">
          Only the practice owner can change these.
        </Text>
      )}
      {practice.isPending && <PageLoader />}
      {practice.isError && (
        <LoadError error={practice.error} onRetry={() => void practice.refetch()} />
      )}
      {practice.data && <PracticeForm loaded={practice.data} canEdit={canEdit} />}
    </Paper>
  );
}

function PracticeForm({ loaded, canEdit }: { loaded: Versioned<Practice>; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const { refresh } = useSessionState();
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  // Taken once: a background refresh must not move the version this edit is based on.
  const [etag, setEtag] = useState(loaded.etag);
  const form = usePracticeForm(loaded.value);
  const release = useLeaveGuard(canEdit && form.isDirty());
  const readOnly = !canEdit;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await updatePractice(readPracticeUpdate(values), etag);
      const savedValues = practiceToForm(saved.value);
      release();
      setEtag(saved.etag);
      form.setInitialValues(savedValues);
      form.setValues(savedValues);
      form.resetDirty(savedValues);
      queryClient.setQueryData(practiceKeys.current, saved);
      notifications.show({ color: 'teal', message: 'Practice settings were saved.' });
      await refresh();
    } catch (error) {
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  const stale = failure?.error instanceof ApiProblem && failure.error.is('stale-version');

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure && (
          <RevealOnShow key={stale ? 'stale' : 'failure'}>
            {stale ? (
              <StaleNotice>
                The practice settings were changed by someone else while you were editing. Your
                changes were not saved. Reload the page to see theirs.
              </StaleNotice>
            ) : (
              <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />
            )}
          </RevealOnShow>
        )}
        <PracticeProfileFields field={(name) => form.getInputProps(name)} readOnly={readOnly} />
        <Title order={3} size="h4" mt="sm">
          Safety and records
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label="Sign out after inactivity (minutes)"
            description="Protects records on a shared or unattended screen."
            min={1}
            max={240}
            allowDecimal={false}
            readOnly={readOnly}
            {...form.getInputProps('settings.idleMinutes')}
          />
          <NumberInput
            label="Keep records for (years)"
            description="After the last entry; check your jurisdiction's rule."
            min={4}
            max={50}
            allowDecimal={false}
            readOnly={readOnly}
            {...form.getInputProps('settings.retentionYears')}
          />
          <NumberInput
            label="Years kept after a minor comes of age"
            description="If later than the years after the last entry (Ontario 10, New York 4)."
            min={0}
            max={50}
            allowDecimal={false}
            readOnly={readOnly}
            {...form.getInputProps('settings.minorRetentionYears')}
          />
          <NumberInput
            label="Age of majority"
            description="18 in most places; 19 in some provinces and states."
            min={16}
            max={21}
            allowDecimal={false}
            readOnly={readOnly}
            {...form.getInputProps('settings.ageOfMajority')}
          />
          <Select
            label="Who sees which clients"
            description="Shared: every therapist sees every client. Assigned: therapists see their own clients and those shared with them."
            data={careModelChoices}
            allowDeselect={false}
            readOnly={readOnly}
            {...form.getInputProps('settings.careModel')}
          />
          <NumberInput
            label="Sessions before “what works” shows figures"
            description="Fewer sessions with a technique, pressure or product (or, across the practice, fewer clients) say “not enough sessions yet”."
            min={2}
            max={50}
            allowDecimal={false}
            readOnly={readOnly}
            {...form.getInputProps('settings.effectivenessMinimumSessions')}
          />
        </SimpleGrid>
        {canEdit && (
          <Group>
            <Button type="submit" loading={form.submitting}>
              Save practice settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
