import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Forbidden, NotFound } from '../domain/errors.js';
import { defaultPracticeSettings } from '../domain/practice.js';
import type { Role } from '../domain/roles.js';
import type { Actor } from './actor.js';
import { authorize, can, clientScope, type Action, type ClientFacts } from './policy.js';

function actor(role: Role): Actor {
  return {
    userId: `${role}-1`,
    practiceId: 'practice-1',
    role,
    displayName: role,
    via: 'session',
    loginId: null,
    csrfToken: null,
    settings: defaultPracticeSettings,
    timeZone: 'America/Toronto',
  };
}

const owner = actor('owner');
const therapist = actor('therapist');
const frontDesk = actor('front_desk');

const shared: ClientFacts = { careModel: 'shared', onCareTeam: false, isPrimaryTherapist: false };
const assignedElsewhere: ClientFacts = {
  careModel: 'assigned',
  onCareTeam: false,
  isPrimaryTherapist: false,
};
const assignedOnTeam: ClientFacts = {
  careModel: 'assigned',
  onCareTeam: true,
  isPrimaryTherapist: false,
};
const assignedPrimary: ClientFacts = {
  careModel: 'assigned',
  onCareTeam: true,
  isPrimaryTherapist: true,
};

/**
 * Who may do what to a client they reach, under shared care, on a note they wrote (signing is
 * the author's alone; see the note.sign tests below for everyone else).
 */
const sharedCareAsAuthor: ClientFacts = { ...shared, isAuthor: true };
const sharedCare: Record<Action, Role[]> = {
  'practice.read': ['owner', 'therapist', 'front_desk'],
  'practice.update': ['owner'],
  'staff.list': ['owner'],
  'staff.manage': ['owner'],
  'therapists.list': ['owner', 'therapist', 'front_desk'],
  'audit.read': ['owner'],
  'client.list': ['owner', 'therapist', 'front_desk'],
  'client.create': ['owner', 'therapist', 'front_desk'],
  'client.read': ['owner', 'therapist', 'front_desk'],
  'client.update': ['owner', 'therapist', 'front_desk'],
  'client.archive': ['owner', 'therapist'],
  'client.careTeam.read': ['owner', 'therapist', 'front_desk'],
  'client.careTeam.manage': ['owner'],
  'clinical.read': ['owner', 'therapist'],
  'clinical.write': ['owner', 'therapist'],
  'note.edit': ['owner', 'therapist'],
  'note.sign': ['owner', 'therapist'],
  'note.search': ['owner', 'therapist'],
  'schedule.read': ['owner', 'therapist', 'front_desk'],
  'schedule.write': ['owner', 'therapist', 'front_desk'],
  'catalogue.read': ['owner', 'therapist', 'front_desk'],
  'catalogue.manage': ['owner'],
  'noteTemplate.read': ['owner', 'therapist'],
  'noteTemplate.manage': ['owner'],
  'reflection.write': ['owner', 'therapist'],
  'healthHistory.read': ['owner', 'therapist'],
  'healthHistory.write': ['owner', 'therapist'],
  'intake.link.manage': ['owner', 'therapist', 'front_desk'],
  'intake.review': ['owner', 'therapist'],
  'intakeForm.read': ['owner', 'therapist', 'front_desk'],
  'intakeForm.manage': ['owner'],
  'consentText.read': ['owner', 'therapist', 'front_desk'],
  'consentText.publish': ['owner'],
  'consent.read': ['owner', 'therapist', 'front_desk'],
  'consent.record': ['owner', 'therapist', 'front_desk'],
  'consent.withdraw': ['owner', 'therapist', 'front_desk'],
  'safety.read': ['owner', 'therapist'],
  'safety.override': ['owner', 'therapist'],
  'safetySettings.read': ['owner', 'therapist', 'front_desk'],
  'safetySettings.manage': ['owner'],
  'effectiveness.read': ['owner', 'therapist'],
  'briefing.read': ['owner', 'therapist'],
  'analytics.read': ['owner', 'therapist'],
  'analytics.therapists': ['owner'],
  'measureDefinition.read': ['owner', 'therapist', 'front_desk'],
  'measureDefinition.manage': ['owner'],
  'measureScores.read': ['owner', 'therapist'],
  'measureScores.record': ['owner', 'therapist'],
  'measureLink.send': ['owner', 'therapist', 'front_desk'],
  'goals.read': ['owner', 'therapist'],
  'goals.write': ['owner', 'therapist'],
  'followUp.link.send': ['owner', 'therapist', 'front_desk'],
  'followUp.read': ['owner', 'therapist'],
  'followUp.record': ['owner', 'therapist'],
  'followUp.acknowledge': ['owner', 'therapist'],
  'followUp.overview': ['owner', 'therapist'],
  'record.export': ['owner', 'therapist'],
  'record.clientCopy': ['owner'],
  // The facts here make nobody the primary therapist: see the handoff tests below.
  'client.handoff': ['owner'],
  'handoff.read': ['owner', 'therapist'],
  'handoff.acknowledge': [],
  'retention.read': ['owner'],
  'client.purge': ['owner'],
  'import.fhir': ['owner'],
  'import.clientList': ['owner', 'front_desk'],
  'import.clientListNotes': ['owner'],
  'externalRecords.read': ['owner', 'therapist'],
};
const actions = Object.keys(sharedCare) as Action[];

describe('can, under shared care', () => {
  for (const action of actions) {
    it(`lets exactly ${sharedCare[action].join(', ')} do ${action}`, () => {
      const allowed = [owner, therapist, frontDesk]
        .filter((who) => can(who, action, sharedCareAsAuthor))
        .map((who) => who.role);
      assert.deepEqual(allowed, sharedCare[action]);
    });
  }
});

describe('can, under assigned care', () => {
  it('lets a therapist reach a client they are on the care team of', () => {
    for (const action of [
      'client.read',
      'client.update',
      'client.archive',
      'clinical.read',
      'clinical.write',
      'healthHistory.read',
      'healthHistory.write',
    ] as const) {
      assert.equal(can(therapist, action, assignedOnTeam), true, action);
    }
  });

  it('keeps a therapist away from a client outside their care team', () => {
    for (const action of [
      'client.read',
      'client.update',
      'client.archive',
      'client.careTeam.read',
      'clinical.read',
      'clinical.write',
      'healthHistory.read',
      'healthHistory.write',
    ] as const) {
      assert.equal(can(therapist, action, assignedElsewhere), false, action);
    }
  });

  it('lets the primary therapist manage the care team', () => {
    assert.equal(can(therapist, 'client.careTeam.manage', assignedPrimary), true);
  });

  it('does not let a care-team member who is not primary manage the care team', () => {
    assert.equal(can(therapist, 'client.careTeam.manage', assignedOnTeam), false);
  });

  it('lets the owner read clinical content of every client', () => {
    assert.equal(can(owner, 'clinical.read', assignedElsewhere), true);
    assert.equal(can(owner, 'clinical.write', assignedElsewhere), true);
  });

  it('lets front desk reach every client’s demographics', () => {
    assert.equal(can(frontDesk, 'client.read', assignedElsewhere), true);
    assert.equal(can(frontDesk, 'client.update', assignedElsewhere), true);
  });
});

describe('intake links and submissions', () => {
  it('keeps a therapist from another therapist’s client’s links and intake, as not found', () => {
    for (const action of ['intake.link.manage', 'intake.review'] as const) {
      assert.throws(() => authorize(therapist, action, assignedElsewhere), NotFound, action);
    }
  });

  it('never lets front desk review what a client sent', () => {
    assert.throws(() => authorize(frontDesk, 'intake.review', shared), Forbidden);
  });
});

describe('consents', () => {
  it('keeps a therapist from another therapist’s client’s consents, as not found', () => {
    for (const action of ['consent.read', 'consent.record', 'consent.withdraw'] as const) {
      assert.throws(() => authorize(therapist, action, assignedElsewhere), NotFound, action);
    }
  });

  it('lets only the owner publish consent texts', () => {
    assert.throws(() => authorize(therapist, 'consentText.publish'), Forbidden);
    assert.throws(() => authorize(frontDesk, 'consentText.publish'), Forbidden);
    assert.doesNotThrow(() => authorize(owner, 'consentText.publish'));
  });
});

describe('safety alerts', () => {
  it('keeps a therapist from another therapist’s client’s alerts and overrides, as not found', () => {
    for (const action of ['safety.read', 'safety.override'] as const) {
      assert.throws(() => authorize(therapist, action, assignedElsewhere), NotFound, action);
      assert.doesNotThrow(() => authorize(therapist, action, assignedOnTeam), action);
    }
  });

  it('never lets front desk see or override a safety alert', () => {
    for (const action of ['safety.read', 'safety.override'] as const) {
      assert.throws(() => authorize(frontDesk, action, shared), Forbidden, action);
    }
  });

  it('lets only the owner change the safety settings', () => {
    assert.throws(() => authorize(therapist, 'safetySettings.manage'), Forbidden);
    assert.doesNotThrow(() => authorize(owner, 'safetySettings.manage'));
  });
});

describe('follow-ups', () => {
  const clinical = ['followUp.read', 'followUp.record', 'followUp.acknowledge'] as const;

  it('keeps a therapist from another therapist’s client’s follow-ups, as not found', () => {
    for (const action of [...clinical, 'followUp.link.send'] as const) {
      assert.throws(() => authorize(therapist, action, assignedElsewhere), NotFound, action);
      assert.doesNotThrow(() => authorize(therapist, action, assignedOnTeam), action);
    }
  });

  it('lets front desk send a follow-up link but never read, record or acknowledge one', () => {
    assert.doesNotThrow(() => authorize(frontDesk, 'followUp.link.send', assignedElsewhere));
    for (const action of clinical) {
      assert.throws(() => authorize(frontDesk, action, shared), Forbidden, action);
    }
  });

  it('refuses the Today follow-up lists to front desk with Forbidden', () => {
    assert.throws(() => authorize(frontDesk, 'followUp.overview'), Forbidden);
    assert.doesNotThrow(() => authorize(therapist, 'followUp.overview'));
  });
});

describe('effectiveness and practice analytics', () => {
  it('keeps a therapist from another therapist’s client’s effectiveness, as not found', () => {
    assert.throws(() => authorize(therapist, 'effectiveness.read', assignedElsewhere), NotFound);
    assert.doesNotThrow(() => authorize(therapist, 'effectiveness.read', assignedOnTeam));
  });

  it('never lets front desk read effectiveness or practice analytics', () => {
    assert.throws(() => authorize(frontDesk, 'effectiveness.read', shared), Forbidden);
    assert.throws(() => authorize(frontDesk, 'analytics.read'), Forbidden);
  });

  it('lets only the owner compare therapists’ outcomes', () => {
    assert.throws(() => authorize(therapist, 'analytics.therapists'), Forbidden);
    assert.doesNotThrow(() => authorize(owner, 'analytics.therapists'));
  });
});

describe('the record as a PDF and the client’s copy', () => {
  it('keeps a therapist from exporting another therapist’s client’s record, as not found', () => {
    assert.throws(() => authorize(therapist, 'record.export', assignedElsewhere), NotFound);
    assert.doesNotThrow(() => authorize(therapist, 'record.export', assignedOnTeam));
  });

  it('never lets front desk export a record', () => {
    assert.throws(() => authorize(frontDesk, 'record.export', shared), Forbidden);
  });

  it('lets only the owner produce the client’s copy, even for a primary therapist', () => {
    assert.throws(() => authorize(therapist, 'record.clientCopy', assignedPrimary), Forbidden);
    assert.doesNotThrow(() => authorize(owner, 'record.clientCopy', assignedElsewhere));
  });
});

describe('outcome measures and goals', () => {
  const clinical = [
    'measureScores.read',
    'measureScores.record',
    'goals.read',
    'goals.write',
  ] as const;

  it('keeps a therapist from another therapist’s client’s scores and goals, as not found', () => {
    for (const action of [...clinical, 'measureLink.send'] as const) {
      assert.throws(() => authorize(therapist, action, assignedElsewhere), NotFound, action);
      assert.doesNotThrow(() => authorize(therapist, action, assignedOnTeam), action);
    }
  });

  it('lets front desk send a measures link but never read or record scores or goals', () => {
    assert.doesNotThrow(() => authorize(frontDesk, 'measureLink.send', assignedElsewhere));
    for (const action of clinical) {
      assert.throws(() => authorize(frontDesk, action, shared), Forbidden, action);
    }
  });

  it('lets only the owner define measures', () => {
    assert.throws(() => authorize(therapist, 'measureDefinition.manage'), Forbidden);
    assert.doesNotThrow(() => authorize(owner, 'measureDefinition.manage'));
  });
});

describe('front desk and clinical content', () => {
  for (const facts of [shared, assignedElsewhere, assignedOnTeam, assignedPrimary]) {
    it(`never reads or writes clinical content (${facts.careModel}, on team: ${facts.onCareTeam}, primary: ${facts.isPrimaryTherapist})`, () => {
      assert.equal(can(frontDesk, 'clinical.read', facts), false);
      assert.equal(can(frontDesk, 'clinical.write', facts), false);
    });
  }
});

describe('signing a note', () => {
  it('refuses note.sign to everyone who did not write the note', () => {
    for (const who of [owner, therapist, frontDesk]) {
      assert.equal(can(who, 'note.sign', { ...shared, isAuthor: false }), false, who.role);
    }
  });

  it('refuses note.sign when authorship is not known', () => {
    assert.equal(can(therapist, 'note.sign', shared), false);
  });

  it('lets the owner sign a note they wrote for a client outside their care team', () => {
    assert.equal(can(owner, 'note.sign', { ...assignedElsewhere, isAuthor: true }), true);
  });

  it('refuses note.sign to an author who no longer reaches the client under assigned care', () => {
    assert.equal(can(therapist, 'note.sign', { ...assignedElsewhere, isAuthor: true }), false);
  });

  it('answers Forbidden, not NotFound, when the owner signs another clinician’s note', () => {
    assert.throws(() => authorize(owner, 'note.sign', { ...shared, isAuthor: false }), Forbidden);
  });
});

describe('changing a draft note', () => {
  it('refuses note.edit to everyone but the draft’s author, saying why', () => {
    for (const who of [owner, therapist]) {
      assert.throws(
        () => authorize(who, 'note.edit', { ...shared, isAuthor: false }),
        (error: unknown) =>
          error instanceof Forbidden && /Only the author of a draft/.test(error.message),
        who.role,
      );
    }
  });

  it('tells front desk it is their role, not authorship, that stops them', () => {
    assert.throws(
      () => authorize(frontDesk, 'note.edit', sharedCareAsAuthor),
      (error: unknown) =>
        error instanceof Forbidden && /Your role \(front desk\)/.test(error.message),
    );
  });

  it('refuses note.edit to an author who no longer reaches the client under assigned care', () => {
    assert.equal(can(therapist, 'note.edit', { ...assignedElsewhere, isAuthor: true }), false);
  });
});

describe('schedule, catalogue and reflections', () => {
  it('lets front desk book and read the schedule of every client under assigned care', () => {
    assert.equal(can(frontDesk, 'schedule.read', assignedElsewhere), true);
    assert.equal(can(frontDesk, 'schedule.write', assignedElsewhere), true);
  });

  it('keeps a therapist away from the schedule of a client outside their care team', () => {
    assert.equal(can(therapist, 'schedule.read', assignedElsewhere), false);
    assert.equal(can(therapist, 'schedule.write', assignedElsewhere), false);
  });

  it('lets a therapist on the care team book a session', () => {
    assert.equal(can(therapist, 'schedule.write', assignedOnTeam), true);
  });

  it('never lets front desk write a reflection, whatever the care model', () => {
    for (const facts of [shared, assignedElsewhere, assignedOnTeam, assignedPrimary]) {
      assert.equal(can(frontDesk, 'reflection.write', facts), false);
    }
  });

  it('keeps a therapist from reflecting on a client outside their care team', () => {
    assert.throws(() => authorize(therapist, 'reflection.write', assignedElsewhere), NotFound);
  });

  it('lets only the owner manage the catalogue', () => {
    assert.throws(() => authorize(therapist, 'catalogue.manage'), Forbidden);
    assert.doesNotThrow(() => authorize(owner, 'catalogue.manage'));
  });

  it('answers Forbidden, not NotFound, when a therapist changes a note template', () => {
    assert.throws(() => authorize(therapist, 'noteTemplate.manage'), Forbidden);
  });
});

describe('authorize', () => {
  it('returns quietly when the action is allowed', () => {
    assert.doesNotThrow(() => authorize(therapist, 'client.read', assignedOnTeam));
  });

  it('answers Forbidden when a role may not do a practice-wide action', () => {
    assert.throws(() => authorize(therapist, 'audit.read'), Forbidden);
  });

  it('names the role in a Forbidden message', () => {
    assert.throws(() => authorize(frontDesk, 'staff.manage'), /front desk/);
  });

  it('answers NotFound, not Forbidden, for a client outside a therapist’s care team', () => {
    assert.throws(() => authorize(therapist, 'client.read', assignedElsewhere), NotFound);
  });

  it('answers NotFound, not Forbidden, for clinical content of a client outside a therapist’s care team', () => {
    assert.throws(() => authorize(therapist, 'clinical.read', assignedElsewhere), NotFound);
    assert.throws(() => authorize(therapist, 'clinical.write', assignedElsewhere), NotFound);
  });

  it('answers Forbidden when front desk asks for clinical content of a client it can see', () => {
    assert.throws(() => authorize(frontDesk, 'clinical.read', shared), Forbidden);
  });

  it('answers Forbidden when a therapist who reaches the client may not manage its care team', () => {
    assert.throws(() => authorize(therapist, 'client.careTeam.manage', shared), Forbidden);
  });

  it('answers Forbidden when front desk may not archive a client it can see', () => {
    assert.throws(() => authorize(frontDesk, 'client.archive', shared), Forbidden);
  });
});

describe('clientScope', () => {
  it('limits a therapist to their care team under assigned care', () => {
    assert.deepEqual(clientScope(therapist, 'assigned'), {
      kind: 'care_team',
      userId: 'therapist-1',
    });
  });

  it('shows a therapist the whole practice under shared care', () => {
    assert.deepEqual(clientScope(therapist, 'shared'), { kind: 'practice' });
  });

  it('shows owner and front desk the whole practice under either care model', () => {
    for (const who of [owner, frontDesk]) {
      assert.deepEqual(clientScope(who, 'assigned'), { kind: 'practice' });
      assert.deepEqual(clientScope(who, 'shared'), { kind: 'practice' });
    }
  });
});

describe('handoffs', () => {
  it('lets the primary therapist hand over their own client, and no other therapist', () => {
    assert.doesNotThrow(() => authorize(therapist, 'client.handoff', assignedPrimary));
    assert.throws(() => authorize(therapist, 'client.handoff', assignedOnTeam), Forbidden);
    assert.throws(() => authorize(therapist, 'client.handoff', shared), Forbidden);
  });

  it('lets the owner hand over any client, and never front desk', () => {
    assert.doesNotThrow(() => authorize(owner, 'client.handoff', assignedElsewhere));
    assert.throws(() => authorize(frontDesk, 'client.handoff', shared), Forbidden);
  });

  it('lets only the therapist who took the client over acknowledge the handoff', () => {
    assert.doesNotThrow(() => authorize(therapist, 'handoff.acknowledge', assignedPrimary));
    assert.doesNotThrow(() =>
      authorize(owner, 'handoff.acknowledge', { ...shared, isPrimaryTherapist: true }),
    );
    assert.throws(() => authorize(owner, 'handoff.acknowledge', shared), Forbidden);
    assert.throws(() => authorize(therapist, 'handoff.acknowledge', assignedOnTeam), Forbidden);
  });

  it('keeps a therapist from another therapist’s client’s handoffs, as not found', () => {
    assert.throws(() => authorize(therapist, 'handoff.read', assignedElsewhere), NotFound);
    assert.doesNotThrow(() => authorize(therapist, 'handoff.read', assignedOnTeam));
    assert.throws(() => authorize(frontDesk, 'handoff.read', shared), Forbidden);
  });
});

describe('retention', () => {
  it('lets only the owner see records past retention and purge one', () => {
    for (const action of ['retention.read', 'client.purge'] as const) {
      assert.doesNotThrow(() => authorize(owner, action, assignedElsewhere), action);
      assert.throws(() => authorize(therapist, action, assignedPrimary), Forbidden, action);
      assert.throws(() => authorize(frontDesk, action, shared), Forbidden, action);
    }
  });
});

describe('imports', () => {
  it('lets only the owner bring in another system’s clinical record', () => {
    assert.doesNotThrow(() => authorize(owner, 'import.fhir'));
    assert.throws(() => authorize(therapist, 'import.fhir'), Forbidden);
    assert.throws(() => authorize(frontDesk, 'import.fhir'), Forbidden);
  });

  it('lets front desk import a client list, but not a notes column into health histories', () => {
    assert.doesNotThrow(() => authorize(frontDesk, 'import.clientList'));
    assert.throws(() => authorize(frontDesk, 'import.clientListNotes'), Forbidden);
    assert.throws(() => authorize(therapist, 'import.clientList'), Forbidden);
  });

  it('keeps another therapist’s client’s history from other providers hidden, as not found', () => {
    assert.throws(() => authorize(therapist, 'externalRecords.read', assignedElsewhere), NotFound);
    assert.doesNotThrow(() => authorize(therapist, 'externalRecords.read', assignedOnTeam));
    assert.throws(() => authorize(frontDesk, 'externalRecords.read', shared), Forbidden);
  });
});
