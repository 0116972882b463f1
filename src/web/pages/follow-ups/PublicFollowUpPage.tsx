import { Alert, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useParams } from 'wouter';
import type { FollowUpAnswers } from '../../../domain/follow-ups.js';
import { deadLinkMessage } from '../../../domain/intake-links.js';
import { ApiProblem } from '../../api/client.js';
import { followUpKeys, openFollowUpLink, submitFollowUp } from '../../api/followUps.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatWeekday } from '../../format.js';
import { FollowUpAnswerFields, noAnswers } from './FollowUpAnswerFields.js';

function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container component="main" size={560} px="md" py="lg">
      <title>{`${title} · Palpate`}</title>
      <Stack gap="lg">{children}</Stack>
    </Container>
  );
}

/**
 * The page a client's follow-up link opens on their phone, without an account: which visit it
 * is about, three short questions, one button. Field messages come back from the server under
 * the API's field names and sit by their question.
 */
export function PublicFollowUpPage() {
  const { token = '' } = useParams<{ token: string }>();
  const [answers, setAnswers] = useState<FollowUpAnswers>(noAnswers);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const link = useQuery({
    queryKey: followUpKeys.publicLink(token),
    queryFn: ({ signal }) => openFollowUpLink(token, signal),
    enabled: !done,
    retry: false,
    staleTime: Infinity,
  });
  const send = useMutation({
    mutationFn: () => submitFollowUp(token, answers),
    onSuccess: () => setDone(true),
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 400 && error.errors.length > 0) {
        setErrors(Object.fromEntries(error.errors.map((issue) => [issue.field, issue.message])));
        requestAnimationFrame(() => summary.current?.focus());
      }
    },
  });

  if (done) {
    return (
      <PublicShell title="Thank you">
        <Title order={1}>Thank you</Title>
        <Text size="lg">
          Your answers were sent to {link.data?.practiceName ?? 'the practice'}. If you reported a
          reaction, your therapist will see it before your next visit. You can close this page.
        </Text>
      </PublicShell>
    );
  }
  if (link.isPending) return <PageLoader fullScreen />;
  if (link.isError) {
    const dead = link.error instanceof ApiProblem && [400, 404].includes(link.error.status);
    return (
      <PublicShell title="Link not valid">
        <Title order={1}>{dead ? 'This link does not work' : 'The page could not be loaded'}</Title>
        {dead ? (
          <Text size="lg">{deadLinkMessage}</Text>
        ) : (
          <LoadError error={link.error} onRetry={() => void link.refetch()} />
        )}
      </PublicShell>
    );
  }

  const view = link.data;
  const problem = send.error instanceof ApiProblem ? send.error : null;
  const errorCount = Object.keys(errors).length;
  const change = (patch: Partial<FollowUpAnswers>) => {
    setAnswers((current) => ({ ...current, ...patch }));
    setErrors((current) =>
      Object.fromEntries(
        Object.entries(current).filter(
          ([field]) => !Object.keys(patch).some((changed) => field.startsWith(changed)),
        ),
      ),
    );
  };
  return (
    <PublicShell title={view.practiceName}>
      <Stack gap={4}>
        <Text c="dimmed">{view.practiceName}</Text>
        <Title order={1}>Hello {view.firstName}</Title>
      </Stack>
      <Text size="lg">
        How do you feel after your visit with {view.visit.therapistFirstName} on{' '}
        {formatWeekday(view.visit.date)}? It takes a minute, and helps plan your next session.
      </Text>
      <form
        noValidate
        aria-label="How you feel after your visit"
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate();
        }}
      >
        <Stack gap="lg">
          {errorCount > 0 && (
            <Alert color="red" title="Some answers need a look" ref={summary} tabIndex={-1}>
              {errorCount === 1
                ? 'One answer needs your attention; its message is shown by the question.'
                : `${errorCount} answers need your attention; each message is shown by its question.`}
            </Alert>
          )}
          <FollowUpAnswerFields
            answers={answers}
            onChange={change}
            errors={errors}
            voice="client"
          />
          {problem && errorCount === 0 && (
            <Alert color="red" title="Your answers were not sent" role="alert">
              {problem.status === 404 ? deadLinkMessage : problem.message}
            </Alert>
          )}
          <Button type="submit" size="lg" loading={send.isPending}>
            Send my answers
          </Button>
        </Stack>
      </form>
    </PublicShell>
  );
}
