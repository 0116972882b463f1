import {
  Accordion,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { consentKindLabels } from '../../../domain/consent.js';
import type { ConsentTextView } from '../../../domain/consent-views.js';
import { ApiProblem } from '../../api/client.js';
import { consentKeys, listConsentTexts, publishConsentText } from '../../api/consents.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { formatDayOf } from '../../format.js';
import { useSession } from '../../session/SessionProvider.js';
import '../clients/consent/consent.css';

/**
 * The owner's consent texts. Editing publishes a new version: what clients already signed
 * stays exactly as they saw it, and every earlier version can still be read here.
 */
export function ConsentTextsSection() {
  const session = useSession();
  const texts = useQuery({
    queryKey: consentKeys.texts,
    queryFn: ({ signal }) => listConsentTexts(signal),
  });
  const [editing, setEditing] = useState<ConsentTextView | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-texts">
      <Title order={2} size="h4" id="consent-texts" mb="xs">
        Consent texts
      </Title>
      <Text size="sm" mb="sm">
        The shipped texts are a starting point, not legal advice: have them reviewed where you
        practise. A change publishes a new version; signed consents keep the words that were signed.
      </Text>
      {texts.isPending && <PageLoader />}
      {texts.isError && <LoadError error={texts.error} onRetry={() => void texts.refetch()} />}
      {texts.data && (
        <Accordion variant="separated">
          {texts.data.current.map((text) => {
            const earlier = texts.data.history.filter(
              (other) => other.kind === text.kind && other.version < text.version,
            );
            return (
              <Accordion.Item key={text.kind} value={text.kind}>
                <Accordion.Control>
                  {consentKindLabels[text.kind]} — version {text.version}
                </Accordion.Control>
                <Accordion.Panel>
                  {editing?.kind === text.kind ? (
                    <PublishForm text={text} onDone={() => setEditing(null)} />
                  ) : (
                    <Stack gap="xs">
                      <Text fw={600}>{text.title}</Text>
                      <Text size="sm" className="consent-text-body">
                        {text.body}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {text.validityMonths
                          ? `Valid for ${text.validityMonths} months after signing.`
                          : 'Does not expire.'}{' '}
                        Published {formatDayOf(text.publishedAt, session.practice.timeZone)}
                        {text.publishedByName ? ` by ${text.publishedByName}` : ' (shipped text)'}
                      </Text>
                      <div>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setEditing(text)}
                        >
                          Edit (publishes version {text.version + 1})
                        </Button>
                      </div>
                      {earlier.length > 0 && (
                        <Accordion variant="contained">
                          {earlier.map((old) => (
                            <Accordion.Item key={old.id} value={old.id}>
                              <Accordion.Control>Version {old.version}</Accordion.Control>
                              <Accordion.Panel>
                                <Text fw={600}>{old.title}</Text>
                                <Text size="sm" className="consent-text-body">
                                  {old.body}
                                </Text>
                              </Accordion.Panel>
                            </Accordion.Item>
                          ))}
                        </Accordion>
                      )}
                    </Stack>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Paper>
  );
}

function PublishForm({ text, onDone }: { text: ConsentTextView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(text.title);
  const [body, setBody] = useState(text.body);
  const [validity, setValidity] = useState<number | null>(text.validityMonths);
  const [requiresResign, setRequiresResign] = useState(false);
  const publish = useMutation({
    mutationFn: () =>
      publishConsentText({
        kind: text.kind,
        title,
        body,
        validityMonths: validity,
        requiresResign,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.texts });
      onDone();
    },
  });
  const issues = publish.error instanceof ApiProblem ? publish.error.errors : [];
  const fieldError = (field: string) => issues.find((issue) => issue.field === field)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    publish.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert error={issues.length === 0 ? publish.error : null} />
        <TextInput
          label="Title"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fieldError('title')}
          maxLength={200}
        />
        <Textarea
          label="Text"
          autosize
          minRows={6}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={fieldError('body')}
          maxLength={20_000}
        />
        <NumberInput
          label="Valid for (months)"
          description="Leave empty if a signature does not expire."
          min={1}
          max={120}
          allowDecimal={false}
          value={validity ?? ''}
          onChange={(value) => setValidity(typeof value === 'number' ? value : null)}
          error={fieldError('validityMonths')}
        />
        <Checkbox
          label="Clients who signed earlier versions must sign again"
          description="For a change in substance; leave off for a wording fix."
          checked={requiresResign}
          onChange={(event) => setRequiresResign(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={publish.isPending}>
            Publish version {text.version + 1}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
