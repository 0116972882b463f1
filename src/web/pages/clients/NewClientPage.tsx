import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { z } from 'zod';
import { DuplicateCandidate, displayName, type ClientInput } from '../../../domain/clients.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { ApiProblem } from '../../api/client.js';
import { clientKeys, createClient, findDuplicates } from '../../api/clients.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { RevealOnShow } from '../../components/RevealOnShow.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { useLeaveGuard } from '../../navigation/LeaveGuard.js';
import { useSession } from '../../session/SessionProvider.js';
import { ClientForm } from './ClientForm.js';
import { blankClientForm, readClientInput, useClientForm } from './clientFormValues.js';
import { DuplicateWarning } from './DuplicateWarning.js';

const DuplicateList = z.array(DuplicateCandidate);

export function NewClientPage() {
  const session = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const form = useClientForm(blankClientForm(), session.practice.timeZone);
  const release = useLeaveGuard(form.isDirty());
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const [creatingAnyway, setCreatingAnyway] = useState(false);

  const create = async (input: ClientInput, acknowledgeDuplicates: boolean) => {
    try {
      const created = await createClient(input, acknowledgeDuplicates);
      queryClient.setQueryData(clientKeys.one(created.value.id), created);
      await queryClient.invalidateQueries({ queryKey: clientKeys.all, refetchType: 'none' });
      release();
      notifications.show({ color: 'teal', message: `${displayName(created.value)} was added.` });
      navigate(`/clients/${encodeURIComponent(created.value.id)}`);
    } catch (error) {
      const serverDuplicates =
        error instanceof ApiProblem && error.status === 409
          ? DuplicateList.safeParse(error.extensions.duplicates)
          : null;
      if (serverDuplicates?.success) {
        setDuplicates(serverDuplicates.data);
        return;
      }
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  };

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setDuplicates(null);
    const input = readClientInput(values);
    let candidates: DuplicateCandidate[];
    try {
      candidates = await findDuplicates(input);
    } catch (error) {
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
      return;
    }
    if (candidates.length > 0) setDuplicates(candidates);
    else await create(input, false);
  }, focusFirstError(form));

  const createAnyway = async () => {
    const check = form.validate();
    if (check.hasErrors) {
      focusFirstError(form)(check.errors);
      return;
    }
    setCreatingAnyway(true);
    await create(readClientInput(form.getValues()), true);
    setCreatingAnyway(false);
  };

  return (
    <>
      <PageHeading title="New client" />
      <ClientForm
        form={form}
        timeZone={session.practice.timeZone}
        onSubmit={submit}
        submitLabel="Create client"
        cancelHref="/clients"
        notices={
          <>
            {failure && (
              <RevealOnShow key="failure">
                <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />
              </RevealOnShow>
            )}
            {duplicates && (
              <RevealOnShow key="duplicates">
                <DuplicateWarning
                  candidates={duplicates}
                  onCreateAnyway={() => void createAnyway()}
                  creating={creatingAnyway}
                />
              </RevealOnShow>
            )}
          </>
        }
      />
    </>
  );
}
