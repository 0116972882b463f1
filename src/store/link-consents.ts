import type { ConsentKind } from '../domain/consent.js';
import type { Db } from './database.js';

/**
 * Notes that a signature came through a client's link; false when this link already carries a
 * signature of that kind (the loser of two simultaneous taps inserts nothing).
 */
export async function insertLinkConsent(
  db: Db,
  row: { linkId: string; kind: ConsentKind; signatureId: string; practiceId: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('client_link_consents')
    .values({
      link_id: row.linkId,
      kind: row.kind,
      signature_id: row.signatureId,
      practice_id: row.practiceId,
    })
    .onConflict((conflict) => conflict.columns(['link_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The kinds of consent already signed through a link. */
export async function linkConsentKinds(db: Db, linkId: string): Promise<ConsentKind[]> {
  const rows = await db
    .selectFrom('client_link_consents')
    .select('kind')
    .where('link_id', '=', linkId)
    .execute();
  return rows.map((row) => row.kind as ConsentKind);
}
