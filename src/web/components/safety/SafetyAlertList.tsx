import './safety.css';
import { Badge, Text } from '@mantine/core';
import type { SafetyAlert } from '../../../domain/safety.js';
import type { SafetyRuleKind } from '../../../domain/safety-rules.js';

/** What each kind asks of the therapist, in a word or two on the alert's badge. */
export const kindLabels: Record<SafetyRuleKind, string> = {
  absolute: 'No massage',
  local: 'Avoid area',
  caution: 'Caution',
  allergy: 'Allergy',
};

const kindColors: Record<SafetyRuleKind, string> = {
  absolute: 'red.8',
  local: 'orange.4',
  caution: 'yellow.3',
  allergy: 'grape.8',
};

/**
 * Alerts as a list: the kind, the rule's few words, what to do and what in the health history
 * (or the note) raised it. Why the rule exists and its source open on request, so the list
 * stays short enough to read at a glance.
 */
export function SafetyAlertList({ alerts }: { alerts: SafetyAlert[] }) {
  return (
    <ul className="safety-alert-list">
      {alerts.map((alert, index) => (
        <li
          key={`${alert.ruleId}-${index}`}
          className="safety-alert"
          data-rule={alert.ruleId}
          data-kind={alert.kind}
        >
          <div className="safety-alert-heading">
            <Badge color={kindColors[alert.kind]} variant="filled" radius="sm" autoContrast>
              {kindLabels[alert.kind]}
            </Badge>
            <Text fw={700} component="span">
              {alert.title}
            </Text>
          </div>
          <Text size="sm">{alert.message}</Text>
          {alert.because && (
            <Text size="sm" c="dimmed">
              From the health history: {alert.because}
            </Text>
          )}
          <details className="safety-alert-why">
            <summary>Why, and the source</summary>
            <Text size="sm">{alert.rationale}</Text>
            <Text size="sm" c="dimmed">
              Source: {alert.source}
            </Text>
          </details>
        </li>
      ))}
    </ul>
  );
}
