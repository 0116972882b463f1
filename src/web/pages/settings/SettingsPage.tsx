import { Stack } from '@mantine/core';
import { PageHeading } from '../../components/PageHeading.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { ApiTokensSection } from './ApiTokensSection.js';
import { ConsentTextsSection } from './ConsentTextsSection.js';
import { IntakeFormSection } from './IntakeFormSection.js';
import { MeasuresSection } from './MeasuresSection.js';
import { NoteTemplatesSection } from './NoteTemplatesSection.js';
import { PracticeSection } from './PracticeSection.js';
import { RetentionSection } from './RetentionSection.js';
import { SafetySettingsSection } from './SafetySettingsSection.js';

export function SettingsPage() {
  const session = useSession();
  return (
    <>
      <PageHeading title="Settings" />
      <Stack gap="lg">
        <PracticeSection canEdit={offers.practiceSettings(session.user.role)} />
        {offers.noteTemplateSettings(session.user.role) && <NoteTemplatesSection />}
        {offers.consentTextSettings(session.user.role) && <ConsentTextsSection />}
        {offers.intakeFormSettings(session.user.role) && <IntakeFormSection />}
        {offers.practiceSettings(session.user.role) && <SafetySettingsSection />}
        {offers.practiceSettings(session.user.role) && <MeasuresSection />}
        {offers.retention(session.user.role) && <RetentionSection />}
        <ApiTokensSection />
      </Stack>
    </>
  );
}
