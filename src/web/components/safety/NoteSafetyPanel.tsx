import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { RecordedSafetyOverride } from '../../../domain/safety-records.js';
import { safetyRule } from '../../../domain/safety-rules.js';
import { formatInstant } from '../../format.js';
import { AvoidRegionsChart } from './AvoidRegionsChart.js';
import { OverrideDialog } from './OverrideDialog.js';
import { SafetyAlertList } from './SafetyAlertList.js';
import type { NoteSafety } from './useNoteSafety.js';

/**
 * The top of the note editor: the client's standing alerts and regions to avoid, and, before
 * the session starts, the dialog that asks for a reason to go ahead despite an absolute
 * contraindication.
 */
export function NoteSafetyPanel({
  sessionId,
  safety,
  timeZone,
}: {
  sessionId: string;
  safety: NoteSafety;
  timeZone: string;
}) {
  const blockingCount = safety.unresolved.length;
  // Open by itself the moment a blocked session is opened, before anything is written, until
  // the therapist says "not now"; it closes once every blocking alert has its reason.
  const [dismissed, setDismissed] = useState(false);
  if (!safety.ready || (!safety.standing.length && !safety.avoid.length)) return null;
  const blocked = blockingCount > 0;
  return (
    <>
      <Alert
        color={blocked ? 'red' : 'orange'}
        title={blocked ? 'This session cannot start yet' : 'Safety alerts'}
        role="region"
        aria-label="Safety alerts"
        className="safety-banner"
      >
        <Stack gap="sm">
          {blocked && (
            <>
              <Text size="sm">
                An absolute contraindication is recorded. Give a reason to go ahead, or rebook the
                session.
              </Text>
              <Button color="red" w="fit-content" onClick={() => setDismissed(false)}>
                Give reasons to go ahead
              </Button>
            </>
          )}
          {!blocked && safety.overrides.length > 0 && (
            <OverridesRecorded overrides={safety.overrides} timeZone={timeZone} />
          )}
          <SafetyAlertList alerts={safety.standing} />
          <AvoidRegionsChart regions={safety.avoid} />
        </Stack>
      </Alert>
      {blocked && (
        <OverrideDialog
          sessionId={sessionId}
          alerts={safety.unresolved}
          opened={!dismissed}
          onClose={() => setDismissed(true)}
        />
      )}
    </>
  );
}

/**
 * Warnings about what the note contains, shown under the treatment the moment it changes and
 * announced politely to screen readers. They never block signing.
 */
export function NoteSafetyWarnings({ safety }: { safety: NoteSafety }) {
  return (
    <div role="status" aria-live="polite" className="safety-warnings">
      {safety.warnings.length > 0 && (
        <Alert color="orange" title="Check the treatment" className="safety-note-warnings">
          <SafetyAlertList alerts={safety.warnings} />
        </Alert>
      )}
    </div>
  );
}

/** Why the session went ahead despite an absolute contraindication, as recorded at its start. */
function OverridesRecorded({
  overrides,
  timeZone,
}: {
  overrides: RecordedSafetyOverride[];
  timeZone: string;
}) {
  return (
    <div>
      <Text size="sm" fw={700}>
        Went ahead despite an absolute contraindication
      </Text>
      <List size="sm">
        {overrides.map((override) => (
          <List.Item key={override.id}>
            {safetyRule(override.ruleId)?.title ?? override.ruleId}: “{override.reason}” (
            {override.overriddenByName ?? 'a former user'},{' '}
            {formatInstant(override.overriddenAt, timeZone)})
          </List.Item>
        ))}
      </List>
    </div>
  );
}
