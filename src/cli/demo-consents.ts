import { displayName, type Client, type ClientInput } from '../domain/clients.js';
import type { ConsentKind } from '../domain/consent.js';
import type { Runtime } from '../domain/runtime.js';
import { insertClient } from '../store/clients.js';
import { ensureConsentTexts, insertConsentSignature, listConsentTexts } from '../store/consents.js';
import type { Db } from '../store/database.js';

const day = 86_400_000;

/**
 * Demo consents: most clients signed treatment consent at the front desk within the last
 * year; one signed 13 months ago, so the chart shows an expired consent; and a 14-year-old
 * whose mother signed treatment and guardian consent.
 */
export async function seedDemoConsents(
  db: Db,
  runtime: Runtime,
  practice: { id: string; ownerId: string; frontDeskId: string | null },
  clients: Client[],
  random: () => number,
  minorInput: ClientInput,
): Promise<void> {
  const now = runtime.now();
  await ensureConsentTexts(db, practice.id, {
    now: now.toISOString(),
    newId: () => runtime.newId(),
  });
  const texts = await listConsentTexts(db, practice.id);
  const textOf = (kind: ConsentKind) => texts.find((text) => text.kind === kind)!;
  const sign = async (
    client: Client,
    kind: ConsentKind,
    daysAgo: number,
    signer: { name: string; relationship: string | null } = {
      name: displayName(client),
      relationship: null,
    },
  ) => {
    await insertConsentSignature(db, {
      id: runtime.newId(),
      practiceId: practice.id,
      clientId: client.id,
      text: textOf(kind),
      input: {
        textId: textOf(kind).id,
        textVersion: textOf(kind).version,
        signerName: signer.name,
        signerRole: signer.relationship ? 'guardian' : 'client',
        guardianRelationship: signer.relationship,
        sharedWith: null,
        signature: { method: 'typed', typedName: signer.name },
      },
      signedAt: new Date(now.getTime() - daysAgo * day).toISOString(),
      ip: '192.0.2.10',
      userAgent: 'Front desk tablet (demo)',
      channel: 'tablet',
      recordedBy: practice.frontDeskId ?? practice.ownerId,
    });
  };
  for (const [index, client] of clients.entries()) {
    if (index === 1) await sign(client, 'treatment', 400);
    else if (random() < 0.85) await sign(client, 'treatment', Math.floor(random() * 330));
  }
  const minor = await insertClient(db, {
    id: runtime.newId(),
    practiceId: practice.id,
    input: minorInput,
    userId: practice.ownerId,
    now: now.toISOString(),
  });
  const mother = { name: minorInput.emergencyContact.name ?? 'Guardian', relationship: 'mother' };
  await sign(minor, 'treatment', 20, mother);
  await sign(minor, 'guardian_for_minor', 20, mother);
}
