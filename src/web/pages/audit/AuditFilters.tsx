import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type { AuditFilter } from '../../api/audit.js';
import { listStaff, staffKeys } from '../../api/staff.js';
import { startOfDayIn } from '../../format.js';

interface FilterFormValues {
  clientId: string;
  userId: string | null;
  action: string;
  from: string;
  to: string;
}

const noFilter: FilterFormValues = { clientId: '', userId: null, action: '', from: '', to: '' };

/** Dates are days in the practice's zone: "to" includes the whole of its day. */
function toFilter(values: FilterFormValues, timeZone: string): AuditFilter {
  const filter: AuditFilter = {};
  if (values.clientId.trim()) filter.clientId = values.clientId.trim();
  if (values.userId) filter.userId = values.userId;
  if (values.action.trim()) filter.action = values.action.trim();
  if (values.from) filter.from = startOfDayIn(values.from, timeZone);
  if (values.to) filter.to = startOfDayIn(values.to, timeZone, true);
  return filter;
}

export function AuditFilters({
  timeZone,
  onApply,
}: {
  timeZone: string;
  onApply: (filter: AuditFilter) => void;
}) {
  const staff = useQuery({ queryKey: staffKeys.all, queryFn: ({ signal }) => listStaff(signal) });
  const form = useForm<FilterFormValues>({
    mode: 'controlled',
    initialValues: noFilter,
    validate: {
      to: (to, values) =>
        to && values.from && to < values.from ? 'Must be on or after the “From” date.' : null,
    },
  });
  const staffChoices = (staff.data ?? []).map((member) => ({
    value: member.id,
    label: member.displayName,
  }));

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      role="search"
      aria-label="Filter the audit log"
      noValidate
      onSubmit={form.onSubmit((values) => onApply(toFilter(values, timeZone)))}
      onReset={(event) => {
        form.onReset(event);
        onApply({});
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
        <TextInput label="Client ID" autoComplete="off" {...form.getInputProps('clientId')} />
        <Select
          label="Staff member"
          placeholder="Anyone"
          data={staffChoices}
          clearable
          searchable
          {...form.getInputProps('userId')}
        />
        <TextInput
          label="Action"
          placeholder="e.g. client.read"
          autoComplete="off"
          {...form.getInputProps('action')}
        />
        <TextInput label="From" type="date" {...form.getInputProps('from')} />
        <TextInput label="To" type="date" {...form.getInputProps('to')} />
      </SimpleGrid>
      <Group gap="sm" mt="sm">
        <Button type="submit">Show events</Button>
        <Button type="reset" variant="default">
          Clear filters
        </Button>
      </Group>
    </Paper>
  );
}
