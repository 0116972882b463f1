import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiTokenCreate, type ApiToken } from '../../../domain/staff.js';
import {
  createToken,
  listTokens,
  revokeToken,
  tokenKeys,
  type CreatedToken,
} from '../../api/tokens.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { zodResolver } from '../../forms/zodResolver.js';
import { formatInstant } from '../../format.js';
import { useSession } from '../../session/SessionProvider.js';

/** Personal tokens let a script act as this user through the API, with the same permissions. */
export function ApiTokensSection() {
  const { practice } = useSession();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useQuery({
    queryKey: tokenKeys.mine,
    queryFn: ({ signal }) => listTokens(signal),
  });
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    validate: zodResolver(ApiTokenCreate),
  });
  const [failure, setFailure] = useState<unknown>(null);

  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeToken(token.id),
    onSettled: async () => {
      setRevoking(null);
      await queryClient.invalidateQueries({ queryKey: tokenKeys.mine });
    },
  });

  const submit = form.onSubmit(async ({ name }) => {
    setFailure(null);
    try {
      setCreated(await createToken(name.trim()));
      form.reset();
      await queryClient.invalidateQueries({ queryKey: tokenKeys.mine });
    } catch (error) {
      setFailure(error);
      placeFieldErrors(form, error);
    }
  }, focusFirstError(form));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-tokens">
      <Title order={2} size="h3" id="settings-tokens" mb="xs">
        Personal API tokens
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        A token lets a script or another program use Palpate as you, with your permissions. Revoke
        any token you no longer use.
      </Text>
      <Stack gap="md">
        {created && (
          <Alert color="yellow" title={`Token “${created.token.name}” created`} role="alert">
            <Text size="sm" mb="xs">
              Copy it now and keep it somewhere safe. It will not be shown again.
            </Text>
            <Group gap="sm" wrap="nowrap" align="center">
              <Code block style={{ flex: 1, wordBreak: 'break-all' }} aria-label="New token">
                {created.secret}
              </Code>
              <CopyButton value={created.secret}>
                {({ copied, copy }) => (
                  <Button size="xs" variant={copied ? 'filled' : 'default'} onClick={copy}>
                    {copied ? 'Copied' : 'Copy token'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Button size="xs" variant="subtle" mt="xs" onClick={() => setCreated(null)}>
              I have saved it
            </Button>
          </Alert>
        )}
        {tokens.isPending && <PageLoader />}
        {tokens.isError && <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {revoke.error && <ProblemAlert error={revoke.error} />}
        {tokens.data && tokens.data.length === 0 && <Text size="sm">You have no tokens.</Text>}
        {tokens.data && tokens.data.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label="Your API tokens" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Last used</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Status or action</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>{formatInstant(token.createdAt, practice.timeZone)}</Table.Td>
                    <Table.Td>
                      {token.lastUsedAt
                        ? formatInstant(token.lastUsedAt, practice.timeZone)
                        : 'Never'}
                    </Table.Td>
                    <Table.Td>
                      {token.revokedAt ? (
                        <Badge color="gray" variant="outline">
                          Revoked
                        </Badge>
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Revoke ${token.name}`}
                          onClick={() => setRevoking(token)}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <form onSubmit={submit} noValidate>
          {failure !== null && <ProblemAlert error={failure} />}
          <Group align="flex-end" gap="sm">
            <TextInput
              label="Token name"
              description="What will use it, e.g. “Backup script”"
              style={{ flex: '1 1 240px' }}
              {...form.getInputProps('name')}
            />
            <Button type="submit" variant="default" loading={form.submitting}>
              Create token
            </Button>
          </Group>
        </form>
      </Stack>
      <ConfirmDialog
        opened={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        danger
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        Anything using this token will stop working at once. This cannot be undone.
      </ConfirmDialog>
    </Paper>
  );
}
