import { StaleVersion } from '../domain/errors.js';
import { NoteTemplate } from '../domain/note-templates.js';
import type { Db } from './database.js';
import type { NoteTemplateTable } from './schema.js';
import { updateVersioned } from './versioned.js';

/** A template the practice has saved for one session type. */
export interface StoredNoteTemplate {
  id: string;
  sessionType: string;
  template: NoteTemplate;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

function toStored(row: NoteTemplateTable): StoredNoteTemplate {
  return {
    id: row.id,
    sessionType: row.session_type,
    // Parsed, not cast: a template saved by an older release gains the fields added since.
    template: NoteTemplate.parse(JSON.parse(row.content)),
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The practice's saved templates; session types without one use the shipped template. */
export async function listNoteTemplates(db: Db, practiceId: string): Promise<StoredNoteTemplate[]> {
  const rows = await db
    .selectFrom('note_templates')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .execute();
  return rows.map(toStored);
}

export async function findNoteTemplate(
  db: Db,
  practiceId: string,
  sessionType: string,
): Promise<StoredNoteTemplate | undefined> {
  const row = await db
    .selectFrom('note_templates')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('session_type', '=', sessionType)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/**
 * Saves the owner's template. Version 0 is the shipped template nobody has saved yet: saving
 * over it creates the row. Later saves must name the version they edited; either way a writer
 * who was not looking at the current version gets StaleVersion with it.
 */
export async function saveNoteTemplate(
  db: Db,
  change: {
    id: string;
    practiceId: string;
    sessionType: string;
    template: NoteTemplate;
    expectedVersion: number;
    userId: string;
    now: string;
  },
): Promise<StoredNoteTemplate> {
  const current = await findNoteTemplate(db, change.practiceId, change.sessionType);
  const content = JSON.stringify(change.template);
  if (current === undefined && change.expectedVersion === 0) {
    // Two owners' first saves may race: the one that loses inserts nothing and is told so.
    const inserted = await db
      .insertInto('note_templates')
      .values({
        id: change.id,
        practice_id: change.practiceId,
        session_type: change.sessionType,
        content,
        version: 1,
        created_at: change.now,
        updated_at: change.now,
        updated_by: change.userId,
      })
      .onConflict((conflict) => conflict.columns(['practice_id', 'session_type']).doNothing())
      .executeTakeFirst();
    const saved = await findNoteTemplate(db, change.practiceId, change.sessionType);
    if (Number(inserted.numInsertedOrUpdatedRows) === 0 && saved) {
      throw new StaleVersion('note template', saved, saved.version);
    }
    return saved!;
  }
  // The writer edited a saved version, but only the shipped template (version 0) is here.
  if (current === undefined) throw new StaleVersion('note template', undefined, 0);
  return updateVersioned(db, {
    table: 'note_templates',
    recordType: 'note template',
    id: current.id,
    practiceId: change.practiceId,
    expectedVersion: change.expectedVersion,
    values: { content, updated_at: change.now, updated_by: change.userId },
    load: (reader) => findNoteTemplate(reader, change.practiceId, change.sessionType),
  });
}
