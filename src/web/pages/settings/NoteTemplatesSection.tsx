import { Paper, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoteTemplateView } from '../../../domain/note-templates.js';
import { fetchNoteTemplates, noteTemplateKeys } from '../../api/noteTemplates.js';
import { useCatalogue } from '../../api/useCatalogue.js';
import { LoadError, PageLoader } from '../../components/PageStatus.js';
import { NoteTemplateForm } from './NoteTemplateForm.js';

/** The owner's templates, one tab per session type; a tab left unsaved keeps its edits. */
export function NoteTemplatesSection() {
  const queryClient = useQueryClient();
  const templates = useQuery({
    queryKey: noteTemplateKeys.list,
    queryFn: ({ signal }) => fetchNoteTemplates(signal),
    refetchOnWindowFocus: false,
  });
  const catalogue = useCatalogue();

  const saved = (view: NoteTemplateView) => {
    queryClient.setQueryData<NoteTemplateView[]>(noteTemplateKeys.list, (list) =>
      list?.map((other) => (other.sessionType === view.sessionType ? view : other)),
    );
    queryClient.setQueryData(noteTemplateKeys.one(view.sessionType), view);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-note-templates">
      <Title order={2} size="h3" id="settings-note-templates" mb="xs">
        Note templates
      </Title>
      <Text size="sm" mb="md">
        What a new, empty note of each session type starts with. Therapists see these words in the
        note’s fields and change or clear them. Suggested techniques are offered, not recorded. Pain
        scores and body-chart marks are never filled in.
      </Text>
      {templates.isPending && <PageLoader />}
      {templates.isError && (
        <LoadError error={templates.error} onRetry={() => void templates.refetch()} />
      )}
      {templates.data && templates.data.length > 0 && (
        <Tabs
          defaultValue={templates.data[0]!.sessionType}
          keepMounted
          // Hidden tabs keep their effects, so an unsaved edit there still guards leaving.
          keepMountedMode="display-none"
        >
          <Tabs.List aria-label="Session types">
            {templates.data.map((view) => (
              <Tabs.Tab key={view.sessionType} value={view.sessionType}>
                {view.sessionTypeName}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {templates.data.map((view) => (
            <Tabs.Panel key={view.sessionType} value={view.sessionType} pt="md">
              <NoteTemplateForm
                loaded={view}
                techniques={catalogue.data?.techniques ?? []}
                onSaved={saved}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Paper>
  );
}
