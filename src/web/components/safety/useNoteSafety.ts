import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { NoteContent } from '../../../domain/notes.js';
import {
  avoidRegions,
  evaluateSafety,
  productsChosenIn,
  unresolvedBlockingAlerts,
  type AvoidRegion,
  type SafetyAlert,
} from '../../../domain/safety.js';
import { localDate } from '../../../domain/time.js';
import type { RecordedSafetyOverride } from '../../../domain/safety-records.js';
import type { Catalogue } from '../../api/catalogue.js';
import { fetchHealthHistory, healthHistoryKeys } from '../../api/healthHistory.js';
import { fetchSafetySettings, fetchSessionSafety, safetyKeys } from '../../api/safety.js';

export interface NoteSafety {
  /** False until the health history and settings have been read. */
  ready: boolean;
  /** Alerts the history raises whatever the note says (banner at the top of the note). */
  standing: SafetyAlert[];
  /** Warnings about what the note contains: techniques, pressure, products. */
  warnings: SafetyAlert[];
  avoid: AvoidRegion[];
  /** Absolute contraindications without an override for this session yet. */
  unresolved: SafetyAlert[];
  /** Reasons recorded for going ahead despite an absolute contraindication. */
  overrides: RecordedSafetyOverride[];
}

/**
 * The safety rules evaluated in the browser on every change of the note, with the same domain
 * functions the server records with the session, so a warning appears the moment a product or
 * a pressure is chosen. The health history is read again when the page regains focus, so an
 * allergy recorded elsewhere meanwhile warns about a product chosen before it.
 */
export function useNoteSafety(input: {
  sessionId: string;
  clientId: string;
  timeZone: string;
  content: NoteContent;
  catalogue: Catalogue | undefined;
  /** Before the first save the session has not started: overrides decide whether it may. */
  started: boolean;
}): NoteSafety {
  const { sessionId, clientId, timeZone, content, catalogue, started } = input;
  const history = useQuery({
    queryKey: healthHistoryKeys.current(clientId),
    queryFn: ({ signal }) => fetchHealthHistory(clientId, signal),
    // Every time the tab is back in front, even if read a moment ago: an allergy recorded on
    // another device must reach the products already chosen. Each read is audited.
    staleTime: 30_000,
    refetchOnWindowFocus: 'always',
  });
  const settings = useQuery({
    queryKey: safetyKeys.settings,
    queryFn: ({ signal }) => fetchSafetySettings(signal),
    staleTime: 5 * 60_000,
  });
  const today = localDate(new Date(), timeZone);
  const evaluated = useMemo(() => {
    if (!history.data || !settings.data) return null;
    const products = catalogue ? productsChosenIn(content, catalogue.products) : [];
    const techniqueNames = Object.fromEntries(
      (catalogue?.techniques ?? []).map((entry) => [entry.code, entry.name]),
    );
    const alerts = evaluateSafety({
      history: history.data.history,
      note: content,
      products,
      techniqueNames,
      today,
      settings: settings.data.settings,
    });
    return {
      standing: alerts.filter((alert) => alert.scope === 'history'),
      warnings: alerts.filter((alert) => alert.scope === 'note'),
      avoid: avoidRegions(history.data.history, today, settings.data.settings),
    };
  }, [history.data, settings.data, catalogue, content, today]);
  const hasBlocking = evaluated?.standing.some((alert) => alert.blocking) ?? false;
  const record = useQuery({
    queryKey: safetyKeys.session(sessionId),
    queryFn: ({ signal }) => fetchSessionSafety(sessionId, signal),
    // Read (and audited) only when an absolute contraindication is recorded: before the start
    // it decides whether the session may start, after it the note shows why it went ahead.
    enabled: hasBlocking,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const unresolved =
    evaluated && !started && record.data
      ? unresolvedBlockingAlerts(evaluated.standing, record.data.overrides)
      : [];
  return {
    ready: evaluated !== null,
    standing: evaluated?.standing ?? [],
    warnings: evaluated?.warnings ?? [],
    avoid: evaluated?.avoid ?? [],
    unresolved,
    overrides: record.data?.overrides ?? [],
  };
}
