import type { Client, ClientInput } from '../domain/clients.js';
import { defaultCommunicationPreferences } from '../domain/clients.js';
import { emptyAddress } from '../domain/practice.js';
import type { Role } from '../domain/roles.js';
import { addToCareTeam } from '../store/care-team.js';
import { insertClient } from '../store/clients.js';
import type { Store } from '../store/database.js';
import { findUserByEmail, insertUser } from '../store/users.js';
import { appendAudit } from '../store/audit.js';
import { setUpPractice } from '../server/commands/practice-setup.js';
import { systemRuntime } from '../server/runtime.js';
import { hashPassword } from '../server/secrets.js';
import {
  firstNames,
  lastNames,
  pick,
  pronounOptions,
  referralSources,
  seededRandom,
} from './demo-names.js';
import { seedDemoSessions } from './demo-sessions.js';
import { seedDemoPatterns } from './demo-patterns.js';
import { seedDemoOutcomes } from './demo-outcomes.js';
import { seedDemoConsents } from './demo-consents.js';
import { seedDemoHealthHistories } from './demo-health-history.js';

export interface DemoLogin {
  practiceName: string;
  ownerEmail: string;
  therapistEmail: string;
  frontDeskEmail: string;
  password: string;
}

/** Published in the README: the demo is for looking around, never for real records. */
export const demoLogin: DemoLogin = {
  practiceName: 'Willow Street Massage (demo)',
  ownerEmail: 'owner@demo.palpate.test',
  therapistEmail: 'maya@demo.palpate.test',
  frontDeskEmail: 'desk@demo.palpate.test',
  password: 'demo-password-2026',
};

const demoStaff: Array<{ email: string; displayName: string; role: Role }> = [
  { email: demoLogin.therapistEmail, displayName: 'Maya Okafor, RMT', role: 'therapist' },
  { email: 'jonas@demo.palpate.test', displayName: 'Jonas Lindqvist, LMT', role: 'therapist' },
  { email: 'priya@demo.palpate.test', displayName: 'Priya Raman, RMT', role: 'therapist' },
  { email: demoLogin.frontDeskEmail, displayName: 'Sam Rivera', role: 'front_desk' },
];

function demoClient(random: () => number, index: number, therapistIds: string[]): ClientInput {
  const first = pick(random, firstNames);
  const last = pick(random, lastNames);
  const year = 1950 + Math.floor(random() * 58);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const phone = `(555) ${String(100 + Math.floor(random() * 900))}-${String(1000 + index).slice(-4)}`;
  return {
    legalFirstName: first,
    legalLastName: last,
    preferredName: random() < 0.15 ? first.slice(0, 3) : null,
    pronouns: pick(random, pronounOptions),
    dateOfBirth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    email:
      `${first}.${last}.${index}`
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9.]/g, '') + '@example.com',
    phone,
    address: {
      ...emptyAddress,
      line1: `${10 + index} Elm Street`,
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5V 2T6',
      country: 'Canada',
    },
    emergencyContact: {
      name: `${pick(random, firstNames)} ${last}`,
      relationship: pick(random, ['Spouse', 'Parent', 'Sibling', 'Friend']),
      phone: '(555) 010-0199',
    },
    primaryTherapistId: pick(random, therapistIds),
    referralSource: pick(random, referralSources),
    communicationPreferences: { ...defaultCommunicationPreferences, sms: random() < 0.4 },
  };
}

/** Creates the demo practice once (idempotent) and returns how to sign in. */
export async function seedDemoPractice(store: Store, clientCount = 150): Promise<DemoLogin> {
  if (await findUserByEmail(store.db, demoLogin.ownerEmail)) return demoLogin;
  const runtime = systemRuntime;
  const passwordHash = await hashPassword(demoLogin.password);
  const random = seededRandom(20261127);
  await store.db.transaction().execute(async (trx) => {
    const { practice, owner } = await setUpPractice(trx, runtime, {
      practice: {
        name: demoLogin.practiceName,
        timeZone: 'America/Toronto',
        address: {
          ...emptyAddress,
          line1: '221 Willow Street',
          city: 'Toronto',
          region: 'ON',
          postalCode: 'M4M 1A1',
          country: 'Canada',
        },
        phone: '(555) 010-0100',
        email: 'hello@demo.palpate.test',
        licenceNumber: 'CMTO-DEMO-0001',
        npi: null,
        taxId: null,
      },
      owner: {
        email: demoLogin.ownerEmail,
        displayName: 'Grace Mensah, RMT (owner)',
        passwordHash,
      },
      allowAnother: true,
    });
    const now = runtime.now().toISOString();
    const therapistIds = [owner.id];
    let frontDeskId: string | null = null;
    for (const member of demoStaff) {
      const user = await insertUser(trx, {
        id: runtime.newId(),
        practiceId: practice.id,
        ...member,
        passwordHash,
        now,
      });
      if (member.role === 'therapist') therapistIds.push(user.id);
      if (member.role === 'front_desk') frontDeskId = user.id;
    }
    const documented: Array<{ id: string; therapistId: string }> = [];
    const demoClients: Client[] = [];
    for (let index = 0; index < clientCount; index += 1) {
      const input = demoClient(random, index, therapistIds);
      const client = await insertClient(trx, {
        id: runtime.newId(),
        practiceId: practice.id,
        input,
        userId: owner.id,
        now,
      });
      demoClients.push(client);
      if (index < 30 && input.primaryTherapistId) {
        documented.push({ id: client.id, therapistId: input.primaryTherapistId });
      }
      if (random() < 0.2) {
        const colleague = pick(random, therapistIds);
        if (colleague !== input.primaryTherapistId) {
          await addToCareTeam(trx, {
            practiceId: practice.id,
            clientId: client.id,
            userId: colleague,
            addedBy: owner.id,
            now,
          });
        }
      }
    }
    await seedDemoSessions(
      trx,
      runtime,
      { id: practice.id, timeZone: practice.timeZone },
      documented,
      random,
    );
    const mayaId = therapistIds[1]!;
    const plantedClient = async (legalFirstName: string, legalLastName: string) => {
      const client = await insertClient(trx, {
        id: runtime.newId(),
        practiceId: practice.id,
        input: {
          ...demoClient(random, demoClients.length, therapistIds),
          legalFirstName,
          legalLastName,
          preferredName: null,
          email: `${legalFirstName}.${legalLastName}@example.com`.toLowerCase(),
          primaryTherapistId: mayaId,
        },
        userId: owner.id,
        now,
      });
      demoClients.push(client);
      return client.id;
    };
    const planted = await seedDemoPatterns(
      trx,
      runtime,
      { id: practice.id, timeZone: practice.timeZone },
      mayaId,
      {
        responds: await plantedClient('Nadia', 'Haddad'),
        reacts: await plantedClient('Tom', 'Becker'),
        plateaus: await plantedClient('Ruth', 'Alvarez'),
      },
    );
    await seedDemoOutcomes(trx, runtime, practice.id, mayaId, planted);
    await seedDemoConsents(
      trx,
      runtime,
      { id: practice.id, ownerId: owner.id, frontDeskId },
      demoClients,
      random,
      {
        ...demoClient(random, clientCount, therapistIds),
        legalFirstName: 'Léa',
        legalLastName: 'Tremblay',
        preferredName: null,
        dateOfBirth: '2012-03-14',
        emergencyContact: {
          name: 'Chantal Tremblay',
          relationship: 'Parent',
          phone: '(555) 010-0142',
        },
      },
    );
    await seedDemoHealthHistories(
      trx,
      runtime,
      { id: practice.id, timeZone: practice.timeZone, ownerId: owner.id },
      demoClients,
    );
    await appendAudit(
      trx,
      {
        practiceId: practice.id,
        userId: null,
        role: null,
        action: 'demo.seed',
        recordType: 'practice',
        recordId: practice.id,
        clientId: null,
        ip: null,
        userAgent: 'palpate demo',
        outcome: 'success',
        detail: { clients: clientCount },
      },
      { id: runtime.newId(), at: now },
    );
  });
  return demoLogin;
}
