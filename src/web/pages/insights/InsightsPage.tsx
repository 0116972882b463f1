import { Stack, Text } from '@mantine/core';
import { NotAllowed } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { offers } from '../../session/permissions.js';
import { useSession } from '../../session/SessionProvider.js';
import { PainNotImprovingSection } from './PainNotImprovingSection.js';
import { SimilarClientsSection } from './SimilarClientsSection.js';
import { TherapistOutcomesSection } from './TherapistOutcomesSection.js';

/** Across the practice: what works for similar complaints, who is not improving, and outcomes. */
export function InsightsPage() {
  const session = useSession();
  const role = session.user.role;
  if (!offers.insights(role)) {
    return (
      <NotAllowed
        title="Insights"
        reason="Insights are drawn from clinical notes, which your role does not see."
      />
    );
  }
  return (
    <>
      <PageHeading title="Insights" />
      <Stack gap="md">
        <Text size="sm">
          Drawn from signed (and amended) notes and clients’ follow-ups, for the clients you may
          see. Figures are means with 95% confidence intervals.
        </Text>
        <SimilarClientsSection />
        <PainNotImprovingSection />
        {offers.therapistOutcomes(role) && <TherapistOutcomesSection />}
      </Stack>
    </>
  );
}
