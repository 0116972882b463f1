import type { ConsentSignatureView, ConsentTextView } from '../../src/domain/consent-views.js';
import type { ClientRecord } from '../../src/domain/fhir/record.js';
import { emptyHealthHistory } from '../../src/domain/health-history.js';
import { NoteContent } from '../../src/domain/notes.js';
import type { Session } from '../../src/domain/sessions.js';

/**
 * A client's record as the FHIR mapping reads it, built in memory for unit tests of the pure
 * mapping (the API tests build theirs through the server). Ids are fixed UUIDs, so expected
 * references can be written out.
 */
export const ids = {
  practice: '01900000-0000-7000-8000-000000000001',
  client: '01900000-0000-7000-8000-000000000002',
  therapist: '01900000-0000-7000-8000-000000000003',
  session: '01900000-0000-7000-8000-000000000004',
  noShow: '01900000-0000-7000-8000-000000000005',
  treatmentText: '01900000-0000-7000-8000-000000000006',
  treatmentSignature: '01900000-0000-7000-8000-000000000007',
  withdrawnSignature: '01900000-0000-7000-8000-000000000008',
  addendum: '01900000-0000-7000-8000-000000000009',
} as const;

function session(id: string, status: Session['status'], startsAt: string): Session {
  return {
    id,
    clientId: ids.client,
    clientName: 'Zo Mejía',
    therapistId: ids.therapist,
    therapistName: 'Maya Chen',
    startsAt,
    serviceDate: startsAt.slice(0, 10),
    plannedMinutes: 60,
    actualMinutes: status === 'signed' ? 55 : null,
    sessionType: 'therapeutic',
    location: 'Room 2',
    status,
    statusReason: status === 'no_show' ? 'Did not come.' : null,
    version: 1,
    createdAt: startsAt,
    updatedAt: startsAt,
  };
}

const treatmentText: ConsentTextView = {
  id: ids.treatmentText,
  kind: 'treatment',
  version: 1,
  title: 'Consent to massage therapy',
  body: 'I agree to massage — and may stop at any time.',
  validityMonths: 12,
  requiresResign: false,
  publishedAt: '2026-01-01T00:00:00.000Z',
  publishedByName: null,
};

function signature(
  id: string,
  kind: ConsentSignatureView['kind'],
  withdrawn: boolean,
): ConsentSignatureView {
  return {
    id,
    clientId: ids.client,
    kind,
    textId: ids.treatmentText,
    textVersion: 1,
    textTitle: treatmentText.title,
    textBody: treatmentText.body,
    signerName: 'Zoë Mejía',
    signerRole: 'client',
    guardianRelationship: null,
    sharedWith: null,
    signature: { method: 'typed', typedName: 'Zoë Mejía' },
    signedAt: '2026-11-20T15:00:00.000Z',
    ip: '127.0.0.1',
    userAgent: 'test',
    channel: 'tablet',
    recordedByName: null,
    withdrawal: withdrawn
      ? { at: '2026-11-21T15:00:00.000Z', byName: null, reason: 'Changed her mind.' }
      : null,
  };
}

export function recordFacts(overrides: Partial<ClientRecord> = {}): ClientRecord {
  const content = NoteContent.parse({
    subjective: { reasonForVisit: 'Neck <stiff> & sore', painBefore: 7 },
    objective: { bodyChart: [{ region: 'knee_r', kind: 'pain', intensity: 3 }] },
    treatment: {
      techniques: [{ technique: 'swedish', regions: ['head', 'knee_r'], minutes: 30, pressure: 2 }],
    },
    assessment: { painAfter: null },
  });
  return {
    practice: {
      id: ids.practice,
      name: 'Harbour Massage Therapy',
      address: {
        line1: null,
        line2: null,
        city: 'Toronto',
        region: null,
        postalCode: null,
        country: null,
      },
      phone: null,
      email: null,
      npi: null,
    },
    client: {
      id: ids.client,
      legalFirstName: 'Zoë',
      legalLastName: 'Mejía',
      preferredName: 'Zo',
      pronouns: null,
      dateOfBirth: '1985-04-12',
      email: null,
      phone: null,
      address: {
        line1: null,
        line2: null,
        city: null,
        region: null,
        postalCode: null,
        country: null,
      },
      emergencyContact: { name: null, relationship: null, phone: null },
      primaryTherapistId: ids.therapist,
      referralSource: null,
      communicationPreferences: {
        email: true,
        sms: false,
        phone: true,
        appointmentReminders: true,
      },
      status: 'active',
      archivedAt: null,
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    staff: [{ id: ids.therapist, displayName: 'Maya Chen', active: true }],
    names: {
      techniques: new Map([['swedish', 'Swedish']]),
      sessionTypes: new Map([['therapeutic', 'Therapeutic']]),
      products: new Map(),
    },
    timeZone: 'America/Toronto',
    sessions: [
      session(ids.session, 'signed', '2026-11-20T15:00:00.000Z'),
      session(ids.noShow, 'no_show', '2026-11-22T15:00:00.000Z'),
    ],
    techniqueUses: [
      {
        sessionId: ids.session,
        startsAt: '2026-11-20T15:00:00.000Z',
        performerId: ids.therapist,
        position: 0,
        technique: 'swedish',
        minutes: 30,
        pressure: 2,
        regions: ['head', 'knee_r'],
      },
    ],
    painScores: [
      {
        sessionId: ids.session,
        authorId: ids.therapist,
        session: { startsAt: '2026-11-20T15:00:00.000Z', plannedMinutes: 60, actualMinutes: 55 },
        painBefore: 7,
        painAfter: null,
        signedAt: '2026-11-20T16:10:00.000Z',
      },
    ],
    signedNotes: [
      {
        sessionId: ids.session,
        authorId: ids.therapist,
        signedBy: ids.therapist,
        signedAt: '2026-11-20T16:10:00.000Z',
        content,
        addenda: [],
      },
    ],
    healthHistory: {
      number: 1,
      history: emptyHealthHistory(),
      recordedAt: '2026-11-01T00:00:00.000Z',
      recordedBy: ids.therapist,
    },
    consentSignatures: [
      signature(ids.treatmentSignature, 'treatment', false),
      signature(ids.withdrawnSignature, 'communication', true),
    ],
    consentTexts: [
      treatmentText,
      { ...treatmentText, id: 'communication-text', kind: 'communication' },
    ],
    outcomes: { measures: [], activities: [], scores: [], goals: [], plan: null },
    today: '2026-11-27',
    exportedAt: '2026-11-27T15:00:00.000Z',
    ...overrides,
  };
}
