import { Stack } from '@mantine/core';
import { PageHeading } from '../../components/PageHeading.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { ApiTokensSection } from './ApiTokensSection.js';
import { NoteTemplatesSection } from './NoteTemplatesSection.js';
import { PracticeSection } from './PracticeSection.js';

export function SettingsPage() {
  const session = useSession();
  return (
    <>
      <PageHeading title="Settings" />
      <Stack gap="lg">
        <PracticeSection canEdit={offers.practiceSettings(session.user.role)} />
        {offers.noteTemplateSettings(session.user.role) && <NoteTemplatesSection />}
        <ApiTokensSection />
      </Stack>
    </>
  );
}
