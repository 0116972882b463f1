import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { displayName } from '../../../domain/clients.js';
import { clientKeys, listClients } from '../../api/clients.js';
import { formatCalendarDate } from '../../format.js';

/** A searchable client choice; the server searches names, phones and emails as you type. */
export function ClientPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (clientId: string | null) => void;
  error?: React.ReactNode;
}) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);
  const [query] = useDebouncedValue(search.trim(), 200);
  const listQuery = { q: query || undefined, status: 'active' as const, limit: 20, offset: 0 };
  const results = useQuery({
    queryKey: clientKeys.list(listQuery),
    queryFn: ({ signal }) => listClients(listQuery, signal),
    placeholderData: keepPreviousData,
  });

  const options: ComboboxItem[] = (results.data?.clients ?? []).map((client) => ({
    value: client.id,
    label: client.dateOfBirth
      ? `${displayName(client)} (born ${formatCalendarDate(client.dateOfBirth)})`
      : displayName(client),
  }));
  // The chosen client stays an option while the list shows other search results.
  if (chosen && !options.some((option) => option.value === chosen.value)) options.unshift(chosen);

  return (
    <Select
      label="Client"
      placeholder="Type a name, phone or email"
      required
      searchable
      data={options}
      value={value}
      onChange={(next, option) => {
        setChosen(next === null ? null : option);
        onChange(next);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered; Mantine's own filter would hide phone and email matches.
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No active client matches'}
      error={error}
      data-autofocus
    />
  );
}
