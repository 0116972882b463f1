import { Alert, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useParams } from 'wouter';
import type { IntakeAnswer, IntakeAnswers } from '../../../domain/intake-answers.js';
import { formQuestions, type IntakeForm } from '../../../domain/intake-forms.js';
import type { ConsentLinkStep as ConsentLinkStepView } from '../../../domain/consent-link.js';
import {
  deadLinkMessage,
  type PublicLinkStep,
  type PublicLinkView,
} from '../../../domain/intake-links.js';
import { ApiProblem } from '../../api/client.js';
import { intakeKeys, openIntakeLink, submitIntake } from '../../api/intake.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ConsentLinkStep } from './ConsentLinkStep.js';
import { IntakeQuestionField } from './IntakeQuestionField.js';

type IntakeLinkStep = Extract<PublicLinkStep, { kind: 'intake' }>;

/** A blank text is no answer: sent as null so an optional question stays unanswered. */
function answersToSend(form: IntakeForm, answers: IntakeAnswers): IntakeAnswers {
  const sent: IntakeAnswers = {};
  for (const question of formQuestions(form)) {
    const answer = answers[question.id];
    sent[question.id] = typeof answer === 'string' && !answer.trim() ? null : (answer ?? null);
  }
  return sent;
}

function PublicShell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Container component="main" size={640} px="md" py="lg">
      <title>{`${title} · Palpate`}</title>
      <Stack gap="lg">{children}</Stack>
    </Container>
  );
}

function IntakeStep({
  token,
  form,
  unsignedConsents,
  onDone,
}: {
  token: string;
  form: IntakeForm;
  /** Titles of consents the link asks for that are not signed yet. */
  unsignedConsents: string[];
  onDone: () => void;
}) {
  const [answers, setAnswers] = useState<IntakeAnswers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summary = useRef<HTMLDivElement>(null);
  const send = useMutation({
    mutationFn: () => submitIntake(token, answersToSend(form, answers)),
    onSuccess: onDone,
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 422) {
        setErrors(Object.fromEntries(error.errors.map((issue) => [issue.field, issue.message])));
        // The summary names how many answers need a look; each message sits by its question.
        requestAnimationFrame(() => summary.current?.focus());
      }
    },
  });
  const problem = send.error instanceof ApiProblem ? send.error : null;
  const answer = (id: string, value: IntakeAnswer) => {
    setAnswers((current) => ({ ...current, [id]: value }));
    setErrors(({ [id]: _cleared, ...rest }) => rest);
  };
  const errorCount = Object.keys(errors).length;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
    >
      <Stack gap="lg">
        {form.intro && <Text>{form.intro}</Text>}
        <Text size="sm" c="dimmed">
          Questions marked * need an answer.
        </Text>
        {errorCount > 0 && (
          <Alert color="red" title="Some answers need a look" ref={summary} tabIndex={-1}>
            {errorCount === 1
              ? 'One question needs your attention; its message is shown below it.'
              : `${errorCount} questions need your attention; each message is shown below its question.`}
          </Alert>
        )}
        {form.sections.map((section) => (
          <Paper key={section.id} withBorder p="md" component="fieldset">
            <Title order={2} size="h3" component="legend" px={4}>
              {section.title}
            </Title>
            <Stack gap="lg" mt="sm">
              {section.questions.map((question) => (
                <IntakeQuestionField
                  key={question.id}
                  question={question}
                  value={answers[question.id]}
                  error={errors[question.id]}
                  onChange={(value) => answer(question.id, value)}
                />
              ))}
            </Stack>
          </Paper>
        ))}
        {problem && problem.status !== 422 && (
          <Alert color="red" title="Your answers were not sent">
            {problem.status === 404 ? deadLinkMessage : problem.message}
          </Alert>
        )}
        {unsignedConsents.length > 0 && (
          <Alert color="yellow" title="Not signed yet">
            {unsignedConsents.join(', ')}: sign it above before sending. Once your answers are sent
            this link closes, and you would sign at the practice instead.
          </Alert>
        )}
        <Button type="submit" size="lg" loading={send.isPending}>
          Send my answers
        </Button>
      </Stack>
    </form>
  );
}

/** The page a client's secure link opens, on their phone, without an account. */
export function PublicIntakePage() {
  const { token = '' } = useParams<{ token: string }>();
  const [done, setDone] = useState(false);
  const queryClient = useQueryClient();
  const link = useQuery({
    queryKey: intakeKeys.publicLink(token),
    queryFn: ({ signal }) => openIntakeLink(token, signal),
    enabled: !done,
    retry: false,
    staleTime: Infinity,
  });

  if (done) {
    return (
      <PublicShell title="Thank you">
        <Title order={1}>Thank you</Title>
        <Text size="lg">
          Your answers were sent to {link.data?.practiceName ?? 'the practice'}. Your therapist will
          go over them with you at your visit. You can close this page.
        </Text>
      </PublicShell>
    );
  }
  if (link.isPending) return <PageLoader fullScreen />;
  if (link.isError) {
    const dead = link.error instanceof ApiProblem && [400, 404].includes(link.error.status);
    return (
      <PublicShell title="Link not valid">
        <Title order={1}>{dead ? 'This link does not work' : 'The form could not be loaded'}</Title>
        {dead ? (
          <Text size="lg">{deadLinkMessage}</Text>
        ) : (
          <LoadError error={link.error} onRetry={() => void link.refetch()} />
        )}
      </PublicShell>
    );
  }
  const view = link.data;
  const intake = view.steps.find(
    (step): step is IntakeLinkStep => step.kind === 'intake' && !step.done,
  );
  const consents = view.steps.filter(
    (step): step is ConsentLinkStepView => step.kind === 'consent',
  );
  const unsigned = consents.filter((step) => !step.done);
  // A signature only changes its own step: the view is updated in place rather than opened again.
  const markSigned = (kind: string) =>
    queryClient.setQueryData<PublicLinkView>(
      intakeKeys.publicLink(token),
      (current) =>
        current && {
          ...current,
          steps: current.steps.map((step) =>
            step.kind === 'consent' && step.consentKind === kind ? { ...step, done: true } : step,
          ),
        },
    );
  return (
    <PublicShell title={view.practiceName}>
      <Stack gap={4}>
        <Text c="dimmed">{view.practiceName}</Text>
        <Title order={1}>Hello {view.firstName}</Title>
      </Stack>
      {consents.length > 0 && (
        <Text size="lg">
          {unsigned.length > 0
            ? 'First, please read and sign the consent below. Then fill in the form that follows.'
            : 'Thank you for signing. Please fill in the form below.'}
        </Text>
      )}
      {consents.map((step) => (
        <ConsentLinkStep
          key={step.consentKind}
          token={token}
          step={step}
          firstName={view.firstName}
          onSigned={() => markSigned(step.consentKind)}
        />
      ))}
      {intake ? (
        <IntakeStep
          token={token}
          form={intake.form}
          unsignedConsents={unsigned.map((step) => step.text.title)}
          onDone={() => setDone(true)}
        />
      ) : (
        <Text size="lg">There is nothing left to fill in. Thank you!</Text>
      )}
    </PublicShell>
  );
}
