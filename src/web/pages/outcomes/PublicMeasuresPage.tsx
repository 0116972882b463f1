import './outcomes.css';
import { Alert, Button, Container, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'wouter';
import { deadLinkMessage } from '../../../domain/intake-links.js';
import type { ScoreEntry } from '../../../domain/measure-scores.js';
import type { PublicMeasure, PublicMeasuresView } from '../../../domain/outcome-views.js';
import { ApiProblem } from '../../api/client.js';
import { openMeasuresLink, outcomeKeys, submitMeasures } from '../../api/outcomes.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ScoreField } from './ScoreField.js';

type Values = Record<string, number | null>;
interface NewActivity {
  description: string;
  value: number | null;
}

function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container component="main" size={640} px="md" py="lg">
      <title>{`${title} · Palpate`}</title>
      <Stack gap="lg">{children}</Stack>
    </Container>
  );
}

/** What is sent, each entry with the key of its field, to place the server's messages. */
function entriesOf(view: PublicMeasuresView, values: Values, added: NewActivity[]) {
  const sent: Array<{ key: string; entry: ScoreEntry }> = [];
  const blank = { activityId: null, newActivity: null };
  for (const measure of view.measures) {
    if (!measure.perActivity) {
      const value = values[measure.id];
      if (value !== null && value !== undefined)
        sent.push({ key: measure.id, entry: { ...blank, measureId: measure.id, value } });
      continue;
    }
    for (const activity of view.activities) {
      const value = values[`${measure.id}:${activity.id}`];
      if (value !== null && value !== undefined)
        sent.push({
          key: `${measure.id}:${activity.id}`,
          entry: { ...blank, measureId: measure.id, activityId: activity.id, value },
        });
    }
    added.forEach((activity, index) => {
      if (activity.description.trim() && activity.value !== null)
        sent.push({
          key: `${measure.id}:new:${index}`,
          entry: {
            ...blank,
            measureId: measure.id,
            newActivity: activity.description.trim(),
            value: activity.value,
          },
        });
    });
  }
  return sent;
}

function MeasuresForm({
  token,
  view,
  onDone,
}: {
  token: string;
  view: PublicMeasuresView;
  onDone: () => void;
}) {
  const [values, setValues] = useState<Values>({});
  const [added, setAdded] = useState<NewActivity[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summary = useRef<HTMLDivElement>(null);
  const sent = entriesOf(view, values, added);
  const send = useMutation({
    mutationFn: () => submitMeasures(token, { scores: sent.map((item) => item.entry) }),
    onSuccess: onDone,
    onError: (error) => {
      if (!(error instanceof ApiProblem) || error.status !== 422) return;
      const placed: Record<string, string> = {};
      for (const issue of error.errors) {
        const key = sent[Number(/^scores\.(\d+)\./.exec(issue.field)?.[1])]?.key;
        if (key !== undefined) placed[key] ??= issue.message;
      }
      setErrors(placed);
      requestAnimationFrame(() => summary.current?.focus());
    },
  });
  const set = (key: string) => (value: number | null) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };
  const room = view.maxActivities - view.activities.length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sent.length > 0) send.mutate();
  };
  const problem = send.error instanceof ApiProblem ? send.error : null;

  const field = (measure: PublicMeasure) => {
    if (!measure.perActivity) {
      return (
        <Paper key={measure.id} withBorder p="md">
          <ScoreField
            label={measure.unit ? `${measure.name} (${measure.unit})` : measure.name}
            description={measure.question}
            scale={measure}
            value={values[measure.id] ?? null}
            onChange={set(measure.id)}
            error={errors[measure.id]}
          />
        </Paper>
      );
    }
    return (
      <Paper key={measure.id} withBorder p="md" component="fieldset">
        <Title order={2} size="h3" component="legend" px={4}>
          {measure.name}
        </Title>
        <Stack gap="md" mt="xs">
          {measure.question && <Text>{measure.question}</Text>}
          {view.activities.map((activity) => (
            <ScoreField
              key={activity.id}
              label={activity.description}
              scale={measure}
              value={values[`${measure.id}:${activity.id}`] ?? null}
              onChange={set(`${measure.id}:${activity.id}`)}
              error={errors[`${measure.id}:${activity.id}`]}
            />
          ))}
          {added.map((activity, index) => (
            <Stack key={index} gap="xs">
              <TextInput
                label={`Another activity you find hard (${index + 1})`}
                maxLength={120}
                value={activity.description}
                onChange={(event) => {
                  const description = event.currentTarget.value;
                  setAdded((current) =>
                    current.map((entry, at) => (at === index ? { ...entry, description } : entry)),
                  );
                }}
              />
              <ScoreField
                label={`How able are you to do it? (${index + 1})`}
                scale={measure}
                value={activity.value}
                onChange={(value) =>
                  setAdded((current) =>
                    current.map((entry, at) => (at === index ? { ...entry, value } : entry)),
                  )
                }
                error={errors[`${measure.id}:new:${index}`]}
              />
            </Stack>
          ))}
          {added.length < room && (
            <Button
              variant="default"
              w="fit-content"
              onClick={() => setAdded((current) => [...current, { description: '', value: null }])}
            >
              {view.activities.length + added.length === 0
                ? 'Name an activity you find hard'
                : 'Add another activity'}
            </Button>
          )}
        </Stack>
      </Paper>
    );
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="lg">
        {Object.keys(errors).length > 0 && (
          <Alert color="red" title="Some answers need a look" ref={summary} tabIndex={-1}>
            Each message is shown below its answer.
          </Alert>
        )}
        {view.measures.map(field)}
        {problem && problem.status !== 422 && (
          <Alert color="red" title="Your answers were not sent">
            {problem.status === 404 ? deadLinkMessage : problem.message}
          </Alert>
        )}
        <Button type="submit" size="lg" loading={send.isPending} disabled={sent.length === 0}>
          Send my answers
        </Button>
      </Stack>
    </form>
  );
}

/** The page a client's measures link opens, on their phone, without an account. */
export function PublicMeasuresPage() {
  const { token = '' } = useParams<{ token: string }>();
  const [done, setDone] = useState(false);
  const link = useQuery({
    queryKey: outcomeKeys.publicLink(token),
    queryFn: ({ signal }) => openMeasuresLink(token, signal),
    enabled: !done,
    retry: false,
    staleTime: Infinity,
  });
  if (done) {
    return (
      <PublicShell title="Thank you">
        <Title order={1}>Thank you</Title>
        <Text size="lg">
          Your answers were sent to {link.data?.practiceName ?? 'the practice'}. You can close this
          page.
        </Text>
      </PublicShell>
    );
  }
  if (link.isPending) return <PageLoader fullScreen />;
  if (link.isError) {
    const dead = link.error instanceof ApiProblem && [400, 404].includes(link.error.status);
    return (
      <PublicShell title="Link not valid">
        <Title order={1}>
          {dead ? 'This link does not work' : 'The questions could not be loaded'}
        </Title>
        {dead ? (
          <Text size="lg">{deadLinkMessage}</Text>
        ) : (
          <LoadError error={link.error} onRetry={() => void link.refetch()} />
        )}
      </PublicShell>
    );
  }
  const view = link.data;
  return (
    <PublicShell title={view.practiceName}>
      <Stack gap={4}>
        <Text c="dimmed">{view.practiceName}</Text>
        <Title order={1}>Hello {view.firstName}</Title>
      </Stack>
      <Text size="lg">
        Your therapist asks a few questions to see how you are doing. Answer what you can; it takes
        a minute.
      </Text>
      <MeasuresForm token={token} view={view} onDone={() => setDone(true)} />
    </PublicShell>
  );
}
