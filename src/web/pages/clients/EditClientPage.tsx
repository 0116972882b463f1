import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { Client, displayName } from '../../../domain/clients.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { ApiProblem, versionTag, type Versioned } from '../../api/client.js';
import { clientKeys, fetchClient, updateClient } from '../../api/clients.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { RevealOnShow } from '../../components/RevealOnShow.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { useLeaveGuard } from '../../navigation/LeaveGuard.js';
import { useSession } from '../../session/SessionProvider.js';
import { ClientForm } from './ClientForm.js';
import {
  clientToForm,
  differingFields,
  readClientInput,
  useClientForm,
} from './clientFormValues.js';
import { StaleVersionAlert } from './StaleVersionAlert.js';

export function EditClientPage() {
  const { id = '' } = useParams<{ id: string }>();
  const record = useQuery({
    queryKey: clientKeys.one(id),
    queryFn: ({ signal }) => fetchClient(id, signal),
    // The edit starts from a fresh copy, so its ETag is as recent as possible.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });

  if (record.isPending || (record.isFetching && !record.isFetchedAfterMount)) {
    return <PageLoader />;
  }
  if (record.isError) {
    return (
      <>
        <PageHeading title="Edit client" />
        <LoadError error={record.error} onRetry={() => void record.refetch()} />
      </>
    );
  }
  return <EditClientForm key={id} loaded={record.data} />;
}

interface StaleEdit {
  theirs: Versioned<Client>;
  changedFields: string[];
}

/**
 * The ETag is taken once, when editing starts; a background refresh of the same client must
 * never move it, or this save could silently overwrite someone else's.
 */
function EditClientForm({ loaded }: { loaded: Versioned<Client> }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const client = loaded.value;
  const profileHref = `/clients/${encodeURIComponent(client.id)}`;
  const [etag, setEtag] = useState(loaded.etag);
  const [stale, setStale] = useState<StaleEdit | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const form = useClientForm(clientToForm(client), session.practice.timeZone);
  const release = useLeaveGuard(form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await updateClient(client.id, readClientInput(values), etag);
      queryClient.setQueryData(clientKeys.one(client.id), saved);
      await queryClient.invalidateQueries({ queryKey: clientKeys.all, refetchType: 'none' });
      release();
      notifications.show({
        color: 'teal',
        message: `Changes to ${displayName(saved.value)} were saved.`,
      });
      navigate(profileHref);
    } catch (error) {
      const theirs =
        error instanceof ApiProblem && error.is('stale-version') ? readTheirs(error) : null;
      if (theirs) {
        setStale({ theirs, changedFields: differingFields(values, clientToForm(theirs.value)) });
        return;
      }
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  const loadTheirs = () => {
    if (!stale) return;
    const values = clientToForm(stale.theirs.value);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    setEtag(stale.theirs.etag);
    queryClient.setQueryData(clientKeys.one(client.id), stale.theirs);
    setStale(null);
    notifications.show({ message: 'Their version is loaded. Make your changes again and save.' });
  };

  return (
    <>
      <PageHeading title={`Edit ${displayName(client)}`} tabTitle="Edit client" />
      <ClientForm
        form={form}
        timeZone={session.practice.timeZone}
        onSubmit={submit}
        submitLabel="Save changes"
        cancelHref={profileHref}
        submitDisabled={stale !== null}
        primaryTherapistFixed={client.primaryTherapistId !== null}
        notices={
          <>
            {stale && (
              <RevealOnShow key="stale">
                <StaleVersionAlert changedFields={stale.changedFields} onLoadTheirs={loadTheirs} />
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
    </>
  );
}

/** A 412 carries the version that won, so the person can see and load it. */
function readTheirs(problem: ApiProblem): Versioned<Client> | null {
  const current = Client.safeParse(problem.extensions.current);
  if (!current.success) return null;
  const version =
    typeof problem.extensions.currentVersion === 'number'
      ? problem.extensions.currentVersion
      : current.data.version;
  return { value: current.data, etag: versionTag(version) };
}
