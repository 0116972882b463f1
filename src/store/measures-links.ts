import type { Db } from './database.js';

/**
 * Which measures a client's measures link asks for, fixed when staff send it so the client
 * is asked what the practice saw as due. The link itself is a row of `client_links`.
 */
export async function insertLinkMeasures(
  db: Db,
  link: { linkId: string; practiceId: string; measureIds: readonly string[] },
): Promise<void> {
  if (link.measureIds.length === 0) return;
  await db
    .insertInto('client_link_measures')
    .values(
      link.measureIds.map((measureId, position) => ({
        link_id: link.linkId,
        measure_id: measureId,
        position,
        practice_id: link.practiceId,
      })),
    )
    .execute();
}

export async function linkMeasureIds(db: Db, linkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('client_link_measures')
    .select('measure_id')
    .where('link_id', '=', linkId)
    .orderBy('position')
    .execute();
  return rows.map((row) => row.measure_id);
}
