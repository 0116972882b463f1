import type { Client } from '../domain/clients.js';
import type { z } from 'zod';
import { emptyHealthHistory, type HealthHistory } from '../domain/health-history.js';
import type { Runtime } from '../domain/runtime.js';
import { localDate } from '../domain/time.js';
import type { Db } from '../store/database.js';
import { findPossibleDuplicates } from '../store/clients.js';
import { saveHealthHistory, type HealthHistorySource } from '../store/health-history.js';

const day = 86_400_000;

/** One saved version of a demo history: how many days ago, by whom, and what it held. */
interface DemoVersion {
  daysAgo: number;
  source: HealthHistorySource;
  /** What was recorded, as the schema reads it (left-out fields take their defaults). */
  history: (date: (daysFromNow: number) => string) => z.input<typeof HealthHistory>;
}

/**
 * Demo histories that make the safety alerts and "changes since the last visit" worth looking
 * at: a severe tree-nut allergy, a client moved from warfarin to apixaban, a pregnancy that
 * began between visits, recent knee and shoulder surgery, and a teenager's sprained ankle.
 */
export async function seedDemoHealthHistories(
  db: Db,
  runtime: Runtime,
  practice: { id: string; timeZone: string; ownerId: string },
  clients: Client[],
): Promise<void> {
  const id = () => runtime.newId();
  const goal = (text: string) => ({ id: id(), text });
  const nutAllergy = { id: id(), substance: 'tree_nut' as const, nut: 'almond' as const };
  const bloodThinner = { id: id(), class: 'anticoagulant' as const, reason: 'Atrial fibrillation' };
  const knee = { id: id(), kind: 'surgery' as const, regions: ['knee_r'] };
  const headaches = goal('Fewer tension headaches at work');
  const backStiffness = goal('Ease low back stiffness after gardening');
  const soreHips = goal('Relief for sore hips');
  const atrialFibrillation = {
    id: id(),
    code: 'heart_condition' as const,
    name: 'Atrial fibrillation',
    status: 'managed' as const,
  };
  const preferences = {
    ...emptyHealthHistory().preferences,
    pressure: 3 as const,
    music: 'soft' as const,
  };
  const shoulder = { id: id(), kind: 'surgery' as const, regions: ['rotator_cuff_l'] };
  const plans: DemoVersion[][] = [
    [
      {
        daysAgo: 120,
        source: 'intake',
        history: () => ({
          allergies: [{ ...nutAllergy, severity: 'severe', reaction: 'Hives, throat swelling' }],
          preferences,
          goals: [headaches],
        }),
      },
      {
        daysAgo: 40,
        source: 'staff',
        history: () => ({
          allergies: [
            { ...nutAllergy, severity: 'anaphylaxis', reaction: 'Anaphylaxis; carries an EpiPen' },
            { id: id(), substance: 'tree_nut', nut: 'macadamia', severity: 'severe' },
          ],
          preferences,
          goals: [headaches],
        }),
      },
    ],
    [
      {
        daysAgo: 200,
        source: 'intake',
        history: () => ({
          conditions: [atrialFibrillation],
          medications: [{ ...bloodThinner, name: 'Warfarin', dose: '5 mg daily' }],
          goals: [backStiffness],
        }),
      },
      {
        daysAgo: 21,
        source: 'staff',
        history: () => ({
          conditions: [atrialFibrillation],
          medications: [{ ...bloodThinner, name: 'Apixaban (Eliquis)', dose: '5 mg twice daily' }],
          goals: [backStiffness],
        }),
      },
    ],
    [
      { daysAgo: 180, source: 'intake', history: () => ({ goals: [soreHips] }) },
      {
        daysAgo: 14,
        source: 'staff',
        history: (date) => ({
          pregnancy: { pregnant: true, dueDate: date(150), highRisk: false },
          goals: [soreHips, goal('Sleep better through the pregnancy')],
        }),
      },
    ],
    [
      {
        daysAgo: 10,
        source: 'staff',
        history: (date) => ({
          surgeriesAndInjuries: [
            { ...knee, description: 'Right knee arthroscopy (meniscus)', date: date(-24) },
          ],
          areasToAvoid: [{ id: id(), regions: ['knee_r'], reason: 'Healing incisions' }],
          goals: [goal('Walk the dog without a limp')],
        }),
      },
    ],
    [
      {
        daysAgo: 30,
        source: 'intake',
        history: (date) => ({
          surgeriesAndInjuries: [
            { ...shoulder, description: 'Left rotator cuff repair', date: date(-75) },
          ],
          medications: [
            { id: id(), name: 'Ibuprofen', class: 'analgesic_nsaid', dose: '400 mg as needed' },
          ],
          goals: [goal('Lift the left arm overhead again')],
        }),
      },
    ],
  ];
  const minor = (
    await findPossibleDuplicates(db, practice.id, {
      legalFirstName: 'Léa',
      legalLastName: 'Tremblay',
      dateOfBirth: '2012-03-14',
      phone: null,
    })
  )[0];
  const targets = clients.slice(0, plans.length).map((client) => client.id);
  const minorPlan: DemoVersion[] = [
    {
      daysAgo: 5,
      source: 'intake',
      history: (date) => ({
        surgeriesAndInjuries: [
          {
            id: id(),
            kind: 'sprain_strain',
            description: 'Right ankle sprain at soccer',
            date: date(-12),
            regions: ['foot_ankle_r'],
          },
        ],
        goals: [goal('Back to soccer practice')],
      }),
    },
  ];
  const all: Array<[string, DemoVersion[]]> = targets.map((clientId, index) => [
    clientId,
    plans[index]!,
  ]);
  if (minor) all.push([minor.id, minorPlan]);

  const now = runtime.now().getTime();
  for (const [clientId, versions] of all) {
    const therapistId =
      clients.find((client) => client.id === clientId)?.primaryTherapistId ?? practice.ownerId;
    for (const [index, version] of versions.entries()) {
      const at = new Date(now - version.daysAgo * day);
      const date = (daysFromNow: number) =>
        localDate(new Date(at.getTime() + daysFromNow * day), practice.timeZone);
      await saveHealthHistory(db, {
        practiceId: practice.id,
        clientId,
        expectedNumber: index,
        history: version.history(date),
        recordedBy: therapistId,
        source: version.source,
        now: at.toISOString(),
        id: runtime.newId(),
      });
    }
  }
}
