import { Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AddendumInput } from '../../../../domain/notes.js';
import { addAddendum, noteKeys, type Addendum, type NoteRecord } from '../../../api/notes.js';
import { sessionKeys } from '../../../api/sessions.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { zodResolver } from '../../../forms/zodResolver.js';
import { formatInstant } from '../../../format.js';

/** Corrections to a signed note, oldest first, and the form to add one. */
export function Addenda({
  sessionId,
  addenda,
  timeZone,
}: {
  sessionId: string;
  addenda: Addendum[];
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '', text: '' },
    validate: zodResolver(AddendumInput),
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const added = await addAddendum(sessionId, AddendumInput.parse(values));
      queryClient.setQueryData<NoteRecord>(noteKeys.one(sessionId), (previous) =>
        previous ? { ...previous, addenda: [...previous.addenda, added] } : previous,
      );
      void queryClient.invalidateQueries({ queryKey: noteKeys.versions(sessionId) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      form.reset();
      notifications.show({ color: 'teal', message: 'Addendum added.' });
    } catch (error) {
      setFailure(error);
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="addenda" className="note-section">
      <Title order={2} size="h3" id="addenda" mb="sm">
        Addenda
      </Title>
      {addenda.length === 0 ? (
        <Text size="sm" mb="md">
          No addenda. The note reads as it was signed.
        </Text>
      ) : (
        <ol className="addenda-list">
          {addenda.map((addendum) => (
            <li key={addendum.id} className="addendum">
              <Text fw={600} size="sm">
                Addendum by {addendum.authorName}, {formatInstant(addendum.createdAt, timeZone)}
              </Text>
              <Text size="sm">
                <strong>Reason:</strong> {addendum.reason}
              </Text>
              <Text size="sm" className="note-text">
                {addendum.text}
              </Text>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} noValidate className="no-print">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Add addendum
          </Title>
          <ProblemAlert error={failure} />
          <TextInput
            label="Reason"
            description="Why the note is being corrected or added to. Required."
            maxLength={500}
            {...form.getInputProps('reason')}
          />
          <Textarea
            label="Addendum"
            description="The correction or addition. The signed note above stays as it is."
            autosize
            minRows={3}
            maxLength={10_000}
            {...form.getInputProps('text')}
          />
          <div>
            <Button type="submit" loading={form.submitting}>
              Add addendum
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
