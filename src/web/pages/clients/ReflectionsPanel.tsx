import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../../api/client.js';
import {
  addReflection,
  listReflections,
  reflectionKeys,
  updateReflection,
  type Reflection,
} from '../../api/reflections.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatInstant } from '../../format.js';
import { useSession } from '../../session/SessionProvider.js';

/** A clinician's own notes about a client: not the record, not exported, seen by the author alone. */
export function ReflectionsPanel({ clientId }: { clientId: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const key = reflectionKeys.forClient(clientId);
  const reflections = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => listReflections(clientId, signal),
  });
  const add = useMutation({
    mutationFn: () => addReflection(clientId, text),
    onSuccess: async () => {
      setText('');
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="private-reflections">
      <Title order={2} size="h4" id="private-reflections" mb="xs">
        Private reflections
      </Title>
      <Alert color="blue" mb="sm">
        Only you can see these. They are not part of the clinical record and are not exported — but
        the law may still compel their disclosure.
      </Alert>
      {reflections.isPending && <PageLoader />}
      {reflections.isError && (
        <LoadError error={reflections.error} onRetry={() => void reflections.refetch()} />
      )}
      <Stack gap="sm">
        {reflections.data?.length === 0 && (
          <Text size="sm">You have kept no reflections about this client.</Text>
        )}
        {reflections.data && reflections.data.length > 0 && (
          <ul className="plain-list">
            {reflections.data.map((reflection) => (
              <ReflectionItem key={reflection.id} reflection={reflection} clientId={clientId} />
            ))}
          </ul>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) add.mutate();
          }}
        >
          <Stack gap="xs">
            <ProblemAlert error={add.error} />
            <Textarea
              label="New reflection"
              autosize
              minRows={2}
              maxLength={10_000}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
            />
            <div>
              <Button
                type="submit"
                variant="default"
                loading={add.isPending}
                disabled={!text.trim()}
              >
                Keep reflection
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function ReflectionItem({ reflection, clientId }: { reflection: Reflection; clientId: string }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (text: string) => updateReflection(reflection, text),
    onSuccess: async () => {
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: reflectionKeys.forClient(clientId) });
    },
  });
  const stale = save.error instanceof ApiProblem && save.error.status === 412;
  const when = formatInstant(reflection.updatedAt, session.practice.timeZone);

  return (
    <li className="reflection">
      {editing === null ? (
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed">
              {when}
            </Text>
            <Text size="sm" className="reflection-text">
              {reflection.text}
            </Text>
          </div>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setEditing(reflection.text)}
            aria-label={`Edit the reflection of ${when}`}
          >
            Edit
          </Button>
        </Group>
      ) : (
        <Stack gap="xs">
          {stale ? (
            <Alert color="orange" role="alert">
              This reflection was changed in another tab. Cancel to see the latest, then edit again.
            </Alert>
          ) : (
            <ProblemAlert error={save.error} />
          )}
          <Textarea
            label={`Reflection of ${when}`}
            autosize
            minRows={2}
            maxLength={10_000}
            value={editing}
            onChange={(event) => setEditing(event.currentTarget.value)}
          />
          <Group gap="sm">
            <Button
              size="xs"
              loading={save.isPending}
              disabled={!editing.trim()}
              onClick={() => save.mutate(editing)}
            >
              Save
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setEditing(null);
                save.reset();
                void queryClient.invalidateQueries({
                  queryKey: reflectionKeys.forClient(clientId),
                });
              }}
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
    </li>
  );
}
