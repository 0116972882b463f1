import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { FieldIssue } from '../../../domain/errors.js';
import { SessionBooking, type Session } from '../../../domain/sessions.js';
import { clientKeys, listTherapists } from '../../api/clients.js';
import { bookSession, fetchSessionRecord, sessionKeys } from '../../api/sessions.js';
import { useCatalogue } from '../../api/useCatalogue.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { focusFirstError, placeFieldErrors } from '../../forms/fieldErrors.js';
import { formatDayOf, formatInstant, formatTimeSpan, instantAt } from '../../format.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { ClientPicker } from './ClientPicker.js';

interface BookingForm {
  clientId: string | null;
  therapistId: string | null;
  date: string;
  time: string;
  plannedMinutes: number | string;
  sessionType: string | null;
  location: string;
}

const required = (message: string) => (value: unknown) =>
  value === null || value === '' ? message : null;

interface BookingProps {
  onClose: () => void;
  /** Booking from a client's profile: the client is already chosen. */
  client?: { id: string; name: string };
  therapistId?: string | undefined;
  date: string;
}

/**
 * Books a session from the schedule or a client's profile. The date and time are the
 * practice's wall-clock time; the server keeps the instant in UTC.
 */
export function BookSessionDialog({ opened, ...props }: BookingProps & { opened: boolean }) {
  // The form inside mounts afresh each time the dialog opens, with that moment's defaults.
  return (
    <Modal opened={opened} onClose={props.onClose} title="Book session" size="lg">
      <BookingForm {...props} />
    </Modal>
  );
}

function BookingForm({ onClose, client, therapistId, date }: BookingProps) {
  const session = useSession();
  const timeZone = session.practice.timeZone;
  const queryClient = useQueryClient();
  const catalogue = useCatalogue();
  const therapists = useQuery({
    queryKey: clientKeys.therapists,
    queryFn: ({ signal }) => listTherapists(signal),
    staleTime: 5 * 60_000,
  });
  const [failure, setFailure] = useState<{ error: unknown; unplaced: FieldIssue[] } | null>(null);
  const [overlapping, setOverlapping] = useState<{ booked: Session; others: Session[] } | null>(
    null,
  );
  const ownId = offers.clinicalNotes(session.user.role) ? session.user.id : null;
  const form = useForm<BookingForm>({
    mode: 'controlled',
    initialValues: {
      clientId: client?.id ?? null,
      therapistId: therapistId ?? ownId,
      date,
      time: '',
      plannedMinutes: 60,
      sessionType: null,
      location: '',
    },
    validate: {
      clientId: required('Choose the client.'),
      therapistId: required('Choose the therapist.'),
      date: required('Enter the date.'),
      time: required('Enter the start time.'),
      sessionType: required('Choose the type of session.'),
      plannedMinutes: (value) => {
        const parsed = SessionBooking.shape.plannedMinutes.safeParse(value);
        return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Enter the minutes.');
      },
    },
  });

  const close = onClose;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const { session: booked, overlaps } = await bookSession({
        clientId: values.clientId ?? '',
        therapistId: values.therapistId ?? '',
        startsAt: instantAt(values.date, values.time, timeZone),
        plannedMinutes: Number(values.plannedMinutes),
        sessionType: values.sessionType ?? '',
        location: values.location.trim() || null,
      });
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      if (overlaps.length > 0) {
        const others = await Promise.all(
          overlaps.map(async (id) => (await fetchSessionRecord(id)).value),
        );
        setOverlapping({ booked, others });
        return;
      }
      notifications.show({
        color: 'teal',
        message: `Booked: ${booked.clientName}, ${formatInstant(booked.startsAt, timeZone)}.`,
      });
      close();
    } catch (error) {
      setFailure({ error, unplaced: placeFieldErrors(form, error) });
    }
  }, focusFirstError(form));

  const sessionTypes = (catalogue.data?.sessionTypes ?? [])
    .filter((type) => type.retiredAt === null)
    .map((type) => ({ value: type.code, label: `${type.name} (${type.minutes} min)` }));

  if (overlapping) {
    const { booked, others } = overlapping;
    return (
      <Stack gap="sm">
        <Alert color="orange" title="Booked — but it overlaps another session" role="alert">
          <Text size="sm" mb="xs">
            {booked.therapistName} now has more than one session at this time. The booking was kept;
            move one of them if this was not intended.
          </Text>
          <List size="sm">
            {[booked, ...others].map((other) => (
              <List.Item key={other.id}>
                {formatDayOf(other.startsAt, timeZone)}{' '}
                {formatTimeSpan(
                  other.startsAt,
                  other.actualMinutes ?? other.plannedMinutes,
                  timeZone,
                )}
                : {other.clientName}
                {other.id === booked.id ? ' (just booked)' : ''}
              </List.Item>
            ))}
          </List>
        </Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            Done
          </Button>
          <Button
            component={Link}
            href={`/sessions/${encodeURIComponent(booked.id)}`}
            onClick={close}
          >
            Open the new session
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {failure && <ProblemAlert error={failure.error} unplacedFields={failure.unplaced} />}
        <Text size="sm">Every field is required except the room.</Text>
        {client ? (
          <Text>
            Client: <strong>{client.name}</strong>
          </Text>
        ) : (
          <ClientPicker
            value={form.values.clientId}
            onChange={(clientId) => form.setFieldValue('clientId', clientId)}
            error={form.errors.clientId}
          />
        )}
        <Select
          label="Therapist"
          data={(therapists.data ?? []).map((therapist) => ({
            value: therapist.id,
            label: therapist.displayName,
          }))}
          allowDeselect={false}
          required
          {...form.getInputProps('therapistId')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
          <TextInput
            label="Start time"
            description={`Practice time (${timeZone})`}
            type="time"
            step={300}
            required
            {...form.getInputProps('time')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label="Type of session"
            data={sessionTypes}
            allowDeselect={false}
            required
            {...form.getInputProps('sessionType')}
            onChange={(code) => {
              form.setFieldValue('sessionType', code);
              const type = catalogue.data?.sessionTypes.find((entry) => entry.code === code);
              if (type) form.setFieldValue('plannedMinutes', type.minutes);
            }}
          />
          <NumberInput
            label="Duration (minutes)"
            min={15}
            max={480}
            step={15}
            required
            {...form.getInputProps('plannedMinutes')}
          />
        </SimpleGrid>
        <TextInput label="Room" maxLength={80} {...form.getInputProps('location')} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Book session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
