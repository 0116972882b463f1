import { Anchor, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { noteKeys, searchNotes } from '../../api/notes.js';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { formatInstant } from '../../format.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';

/** Full-text search over the notes you may read; each result opens its session. */
export function NoteSearchPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const [typed, setTyped] = useState(query);
  // A search still waiting when a result is opened must not pull the person back here (the
  // page is only hidden while the session page loads, and its timer still fires).
  const searchFor = useDebouncedCallback((text: string) => {
    if (window.location.pathname !== '/notes/search') return;
    setParams(text.trim() ? { q: text.trim() } : {}, { replace: true });
  }, 250);
  const clinician = offers.clinicalNotes(session.user.role);

  const hits = useQuery({
    queryKey: noteKeys.search(query),
    queryFn: ({ signal }) => searchNotes(query, signal),
    enabled: clinician && query.length > 0,
    placeholderData: keepPreviousData,
  });

  if (!clinician) {
    return (
      <NotAllowed
        title="Search notes"
        reason="Notes are clinical records: only therapists and the owner can search them."
      />
    );
  }

  return (
    <>
      <PageHeading title="Search notes" />
      <Stack gap="md">
        <TextInput
          label="Search the text of notes"
          description="Words from any part of a note: symptoms, findings, home care…"
          type="search"
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            searchFor(event.currentTarget.value);
          }}
          maxLength={200}
          autoComplete="off"
          style={{ maxWidth: 560 }}
        />
        {hits.isFetching && !hits.data && <PageLoader />}
        {hits.isError && <LoadError error={hits.error} onRetry={() => void hits.refetch()} />}
        {query && hits.data && (
          <Text size="sm" role="status">
            {hits.data.length === 0
              ? `No notes mention “${query}”.`
              : `${hits.data.length}${hits.data.length === 25 ? ' or more' : ''} note${hits.data.length === 1 ? '' : 's'} mention “${query}”, most recently written first.`}
          </Text>
        )}
        {query && hits.data && hits.data.length > 0 && (
          <ul className="plain-list">
            {hits.data.map((hit) => (
              <li key={hit.sessionId}>
                <Paper withBorder p="sm">
                  <Anchor
                    component={Link}
                    href={`/sessions/${encodeURIComponent(hit.sessionId)}`}
                    fw={600}
                  >
                    {hit.clientName}, {formatInstant(hit.startsAt, session.practice.timeZone)}
                  </Anchor>
                  <Text size="sm" mt={4}>
                    {hit.excerpt}
                  </Text>
                </Paper>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </>
  );
}
