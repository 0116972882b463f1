import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { HealthHistory } from '../../../domain/health-history.js';
import {
  healthHistorySectionLabels,
  type HealthHistorySection,
} from '../../../domain/health-history-diff.js';
import {
  describeAllergy,
  describeAllergySeverity,
  describeMedication,
  describeSurgeryOrInjury,
  regionList,
} from '../../../domain/health-history-labels.js';
import {
  conditionStatusLabels,
  conversationLabels,
  musicLabels,
  temperatureLabels,
} from '../../../domain/health-history-vocabulary.js';
import { pressureLabels } from '../../../domain/notes.js';
import { whatItMeansForMassage } from '../../../domain/safety-rules.js';
import { formatCalendarDate } from '../../format.js';

/** What changed since the last visit, so the summary can mark it. */
export interface Highlights {
  sections: ReadonlySet<HealthHistorySection>;
  itemIds: ReadonlySet<string>;
}

const noHighlights: Highlights = { sections: new Set(), itemIds: new Set() };

function ChangedBadge() {
  return (
    <Badge size="sm" color="orange" variant="light">
      Changed since last visit
    </Badge>
  );
}

function Part({
  section,
  highlights,
  empty,
  children,
}: {
  section: HealthHistorySection;
  highlights: Highlights;
  empty: boolean;
  children: ReactNode;
}) {
  const id = `summary-${section}`;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={id}>
      <Group gap="xs" mb={6}>
        <Title order={3} size="h5" id={id}>
          {healthHistorySectionLabels[section]}
        </Title>
        {highlights.sections.has(section) && <ChangedBadge />}
      </Group>
      {empty ? (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      ) : (
        <Stack gap={6}>{children}</Stack>
      )}
    </Paper>
  );
}

function Entry({
  id,
  highlights,
  title,
  details,
}: {
  id: string;
  highlights: Highlights;
  title: ReactNode;
  details: Array<string | null | false>;
}) {
  const shown = details.filter((detail): detail is string => Boolean(detail));
  return (
    <div>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {highlights.itemIds.has(id) && <ChangedBadge />}
      </Group>
      {shown.map((detail) => (
        <Text key={detail} size="sm" c="dimmed">
          {detail}
        </Text>
      ))}
    </div>
  );
}

const severe = new Set(['severe', 'anaphylaxis']);

/** The whole history, readable at a glance; entries changed since the last visit are marked. */
export function HealthHistorySummary({
  history,
  highlights = noHighlights,
}: {
  history: HealthHistory;
  highlights?: Highlights;
}) {
  const { pregnancy, preferences } = history;
  const preferenceLines = [
    preferences.pressure &&
      `Pressure: ${preferences.pressure} ${pressureLabels[preferences.pressure]}`,
    preferences.temperature && `Temperature: ${temperatureLabels[preferences.temperature]}`,
    preferences.music && `Music: ${musicLabels[preferences.music]}`,
    preferences.conversation && `Conversation: ${conversationLabels[preferences.conversation]}`,
    preferences.draping && `Draping: ${preferences.draping}`,
    preferences.notes,
  ].filter((line): line is string => Boolean(line));
  const part = (section: HealthHistorySection, empty: boolean, children: ReactNode) => (
    <Part section={section} highlights={highlights} empty={empty}>
      {children}
    </Part>
  );

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {part(
        'allergies',
        history.allergies.length === 0,
        history.allergies.map((allergy) => (
          <Entry
            key={allergy.id}
            id={allergy.id}
            highlights={highlights}
            title={
              <>
                {describeAllergy(allergy)}{' '}
                <Badge
                  size="sm"
                  color={allergy.severity && severe.has(allergy.severity) ? 'red' : 'gray'}
                  variant="light"
                >
                  {describeAllergySeverity(allergy)}
                </Badge>
              </>
            }
            details={[allergy.reaction && `Reaction: ${allergy.reaction}`]}
          />
        )),
      )}
      {part(
        'medications',
        history.medications.length === 0,
        history.medications.map((medication) => (
          <Entry
            key={medication.id}
            id={medication.id}
            highlights={highlights}
            title={describeMedication(medication)}
            details={[
              medication.reason && `Taken for ${medication.reason}`,
              ...whatItMeansForMassage(medication.class).map((meaning) => meaning.message),
            ]}
          />
        )),
      )}
      {part(
        'conditions',
        history.conditions.length === 0,
        history.conditions.map((condition) => (
          <Entry
            key={condition.id}
            id={condition.id}
            highlights={highlights}
            title={`${condition.name} — ${conditionStatusLabels[condition.status]}`}
            details={[
              condition.onsetDate && `Since ${formatCalendarDate(condition.onsetDate)}`,
              condition.resolvedDate && `Resolved ${formatCalendarDate(condition.resolvedDate)}`,
              condition.regions.length > 0 && `Where: ${regionList(condition.regions)}`,
              condition.notes,
            ]}
          />
        )),
      )}
      {part(
        'surgeriesAndInjuries',
        history.surgeriesAndInjuries.length === 0,
        history.surgeriesAndInjuries.map((entry) => (
          <Entry
            key={entry.id}
            id={entry.id}
            highlights={highlights}
            title={describeSurgeryOrInjury(entry)}
            details={[
              entry.regions.length > 0 && `Where: ${regionList(entry.regions)}`,
              entry.notes,
            ]}
          />
        )),
      )}
      {part(
        'pregnancy',
        false,
        <Text size="sm">
          {pregnancy.pregnant
            ? `Pregnant${pregnancy.dueDate ? `, due ${formatCalendarDate(pregnancy.dueDate)}` : ''}${pregnancy.highRisk ? ' — high-risk' : ''}`
            : 'Not pregnant'}
        </Text>,
      )}
      {part(
        'areasToAvoid',
        history.areasToAvoid.length === 0,
        history.areasToAvoid.map((area) => (
          <Entry
            key={area.id}
            id={area.id}
            highlights={highlights}
            title={regionList(area.regions)}
            details={[area.reason]}
          />
        )),
      )}
      {part(
        'preferences',
        preferenceLines.length === 0,
        preferenceLines.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        )),
      )}
      {part(
        'goals',
        history.goals.length === 0,
        history.goals.map((goal) => (
          <Entry
            key={goal.id}
            id={goal.id}
            highlights={highlights}
            title={goal.text}
            details={[]}
          />
        )),
      )}
      {history.notes &&
        part(
          'notes',
          false,
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {history.notes}
          </Text>,
        )}
    </SimpleGrid>
  );
}
