import { Alert, Anchor, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, Redirect, useParams } from 'wouter';
import type { Role } from '../../../domain/roles.js';
import { ApiProblem } from '../../api/client.js';
import { invitationKeys, previewInvitation } from '../../api/invitations.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { useSessionState } from '../../session/SessionProvider.js';
import { AcceptInvitationForm } from './AcceptInvitationForm.js';

const roleWithArticle: Record<Role, string> = {
  owner: 'an owner',
  therapist: 'a therapist',
  front_desk: 'front desk staff',
};

/** The public page an invitation link opens, outside the signed-in app like the sign-in page. */
function PublicCard({ tabTitle, children }: { tabTitle: string; children: ReactNode }) {
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <title>{`${tabTitle} · Palpate`}</title>
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
        <Stack gap="md">{children}</Stack>
      </Paper>
    </Center>
  );
}

export function InvitePage() {
  const { token = '' } = useParams<{ token: string }>();
  const { state, begin, end } = useSessionState();
  // Set when this page signed the new staff member in, so it can step aside for the app.
  const [accepted, setAccepted] = useState(false);
  const preview = useQuery({
    queryKey: invitationKeys.preview(token),
    queryFn: ({ signal }) => previewInvitation(token, signal),
    enabled: !accepted,
    staleTime: 0,
  });

  // "/" is wherever the signed-in app starts.
  if (accepted && state.status === 'signedIn') return <Redirect to="/" replace />;
  if (preview.isPending) return <PageLoader fullScreen />;
  if (preview.isError) {
    // 404: unknown, used, expired or revoked (the server does not say which); 400: a link cut
    // short when it was copied. Either way the link is dead.
    const dead = preview.error instanceof ApiProblem && [400, 404].includes(preview.error.status);
    return (
      <PublicCard tabTitle="Invitation">
        <Title order={1} size="h2">
          {dead ? 'This invitation link does not work' : 'The invitation could not be loaded'}
        </Title>
        {dead ? (
          <Text>
            It may have expired, been used or been revoked, or part of it was lost when it was
            copied.
          </Text>
        ) : (
          <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
        )}
        <Text>
          Ask the practice owner for a new invitation, or{' '}
          <Anchor component={Link} href="/login">
            go to the sign-in page
          </Anchor>{' '}
          if you already have an account.
        </Text>
      </PublicCard>
    );
  }

  const invitation = preview.data;
  return (
    <PublicCard tabTitle={`Join ${invitation.practiceName}`}>
      <Title order={1} size="h2">
        Join {invitation.practiceName} as {roleWithArticle[invitation.role]}
      </Title>
      <Text>
        Welcome, {invitation.displayName}. Choose a password to finish setting up your Palpate
        account. This link works once.
      </Text>
      {state.status === 'signedIn' ? (
        <Alert color="blue" title="Someone is signed in on this device" role="status">
          <Text size="sm" mb="sm">
            {state.session.user.displayName} is signed in here. Log out first, then this page will
            let you accept the invitation.
          </Text>
          <Button variant="default" onClick={() => void end()}>
            Log out
          </Button>
        </Alert>
      ) : (
        <AcceptInvitationForm
          token={token}
          email={invitation.email}
          onAccepted={(session) => {
            setAccepted(true);
            begin(session);
          }}
        />
      )}
    </PublicCard>
  );
}
