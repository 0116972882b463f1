import { Paper, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { IntakeFormView } from '../../../domain/intake-forms.js';
import { getIntakeForm, intakeKeys } from '../../api/intake.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { IntakeFormEditor } from './IntakeFormEditor.js';

/** The owner's intake form: the questions a client answers from a secure link. */
export function IntakeFormSection() {
  const queryClient = useQueryClient();
  const intakeForm = useQuery({
    queryKey: intakeKeys.form,
    queryFn: async ({ signal }) => (await getIntakeForm(signal)).value,
    refetchOnWindowFocus: false,
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-intake-form">
      <Title order={2} size="h3" id="settings-intake-form" mb="xs">
        Intake form
      </Title>
      <Text size="sm" mb="md">
        The questions a new client answers from the secure link you send them. Questions marked
        “Fills” put their answers into the client’s profile or health history once a therapist
        reviews and accepts them; the others are kept with the intake for the therapist to read.
      </Text>
      {intakeForm.isPending && <PageLoader />}
      {intakeForm.isError && (
        <LoadError error={intakeForm.error} onRetry={() => void intakeForm.refetch()} />
      )}
      {intakeForm.data && (
        <IntakeFormEditor
          loaded={intakeForm.data}
          onSaved={(saved: IntakeFormView) => queryClient.setQueryData(intakeKeys.form, saved)}
        />
      )}
    </Paper>
  );
}
