import type { FieldIssue } from '../errors.js';
import { HealthHistory, healthHistoryIssues } from '../health-history.js';
import type { IgnoredEntry } from './bundle.js';
import type { ExternalRecordDraft } from './external-records.js';
import {
  sameEntryKey,
  type HistoryEntryDraft,
  type ImportedHistoryEntry,
} from './history-entries.js';
import type { PatientImport } from './reading.js';

/**
 * What importing one patient changes for the client they became: entries new to the health
 * history (each with a fresh id), entries that the history already holds (merged, not
 * repeated), records not imported before, and what was imported before from the same source
 * (left alone, which is what makes a re-import change nothing).
 */
export interface ClientState {
  history: HealthHistory;
  /** Record keys already imported for this client from this source. */
  importedKeys: Set<string>;
}

export type HistorySection = HistoryEntryDraft['section'];

export interface EntryLink {
  section: HistorySection;
  entryId: string;
  recordKey: string;
  entryIndex: number;
}

export interface ClientPlan {
  /** The history to save as a new version, or null when nothing is added. */
  history: HealthHistory | null;
  added: EntryLink[];
  merged: EntryLink[];
  records: ExternalRecordDraft[];
  alreadyImported: number;
  /** Entries that would not fit (a history holds at most 50 of each). */
  ignored: IgnoredEntry[];
  errors: FieldIssue[];
}

const sectionLimits: Record<HistorySection, number> = {
  conditions: 50,
  medications: 50,
  allergies: 50,
  surgeriesAndInjuries: 50,
  goals: 20,
  areasToAvoid: 40,
  pregnancy: 1,
};

const sectionNames: Record<HistorySection, string> = {
  conditions: 'conditions',
  medications: 'medications',
  allergies: 'allergies',
  surgeriesAndInjuries: 'surgeries and injuries',
  goals: 'goals',
  areasToAvoid: 'areas to avoid',
  pregnancy: 'pregnancy',
};

/** The id an import link gives the pregnancy, which is one per history and has none. */
export const pregnancyEntryId = 'pregnancy';

const sizeOf = (history: HealthHistory, section: HistorySection) =>
  section === 'pregnancy' ? (history.pregnancy.pregnant ? 1 : 0) : history[section].length;

function existingDrafts(history: HealthHistory): Array<HistoryEntryDraft & { id: string }> {
  return [
    ...history.conditions.map((value) => ({ section: 'conditions' as const, value, id: value.id })),
    ...history.medications.map((value) => ({
      section: 'medications' as const,
      value,
      id: value.id,
    })),
    ...history.allergies.map((value) => ({ section: 'allergies' as const, value, id: value.id })),
    ...history.surgeriesAndInjuries.map((value) => ({
      section: 'surgeriesAndInjuries' as const,
      value,
      id: value.id,
    })),
    ...history.goals.map((value) => ({ section: 'goals' as const, value, id: value.id })),
    ...history.areasToAvoid.map((value) => ({
      section: 'areasToAvoid' as const,
      value,
      id: value.id,
    })),
    ...(history.pregnancy.pregnant
      ? [{ section: 'pregnancy' as const, value: history.pregnancy, id: pregnancyEntryId }]
      : []),
  ];
}

function append(history: HealthHistory, entry: ImportedHistoryEntry, id: string): void {
  switch (entry.section) {
    case 'conditions':
      history.conditions.push({ ...entry.value, id });
      break;
    case 'medications':
      history.medications.push({ ...entry.value, id });
      break;
    case 'allergies':
      history.allergies.push({ ...entry.value, id });
      break;
    case 'surgeriesAndInjuries':
      history.surgeriesAndInjuries.push({ ...entry.value, id });
      break;
    case 'goals':
      history.goals.push({ ...entry.value, id });
      break;
    case 'areasToAvoid':
      history.areasToAvoid.push({ ...entry.value, id });
      break;
    case 'pregnancy':
      history.pregnancy = { ...entry.value };
      break;
  }
}

/**
 * Plans one patient's import into a client's current state, and updates that state as if it
 * were applied, so a second patient of the same bundle matched to the same client sees it.
 */
export function planClientImport(
  patient: PatientImport,
  state: ClientState,
  newId: () => string,
  today: string,
): ClientPlan {
  const next = structuredClone(state.history);
  const plan: ClientPlan = {
    history: null,
    added: [],
    merged: [],
    records: [],
    alreadyImported: 0,
    ignored: [],
    errors: [],
  };
  const same = new Map(existingDrafts(next).map((draft) => [sameEntryKey(draft), draft]));
  for (const entry of patient.history) {
    if (state.importedKeys.has(entry.recordKey)) {
      plan.alreadyImported += 1;
      continue;
    }
    const key = sameEntryKey(entry);
    const existing = same.get(key);
    const link = {
      section: entry.section,
      recordKey: entry.recordKey,
      entryIndex: entry.entryIndex,
    };
    if (existing) {
      plan.merged.push({ ...link, entryId: existing.id });
    } else if (sizeOf(next, entry.section) >= sectionLimits[entry.section]) {
      plan.ignored.push({
        entryIndex: entry.entryIndex,
        resourceType: '(history)',
        reason: `The health history holds at most ${sectionLimits[entry.section]} ${sectionNames[entry.section]}.`,
      });
      continue;
    } else {
      const id = entry.section === 'pregnancy' ? pregnancyEntryId : newId();
      append(next, entry, id);
      same.set(key, { ...entry, id } as HistoryEntryDraft & { id: string });
      plan.added.push({ ...link, entryId: id });
    }
    state.importedKeys.add(entry.recordKey);
  }
  for (const record of patient.records) {
    if (state.importedKeys.has(record.recordKey)) {
      plan.alreadyImported += 1;
      continue;
    }
    state.importedKeys.add(record.recordKey);
    plan.records.push(record);
  }
  if (plan.added.length > 0) {
    plan.errors = historyProblems(next, plan.added, today);
    plan.history = next;
    state.history = next;
  }
  return plan;
}

/**
 * The health-history schema's own checks on the merged history, reported at the entries
 * that brought the offending values (the mapping avoids them; this is the last guard).
 */
function historyProblems(history: HealthHistory, added: EntryLink[], today: string): FieldIssue[] {
  const parsed = HealthHistory.safeParse(history);
  const issues = parsed.success
    ? healthHistoryIssues(parsed.data, today)
    : parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  return issues.map((issue) => {
    const [section, index] = issue.field.split('.');
    const entries = history[section as HistorySection];
    const id = Array.isArray(entries)
      ? (entries[Number(index)] as { id: string } | undefined)?.id
      : section === 'pregnancy'
        ? pregnancyEntryId
        : undefined;
    const link = added.find((candidate) => candidate.entryId === id);
    return {
      field: link ? `entry[${link.entryIndex}].resource` : issue.field,
      message: `In the health history it would make: ${issue.message}`,
    };
  });
}
