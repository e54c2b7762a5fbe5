import { sql } from 'kysely';
import type { Db } from '../access/actor.ts';
import type { ProblemList } from './verify-chain.ts';

/** Rows of a journal table read at once (and the audit events of these rows). */
const pageSize = 1000;

/** A field of a journal row and the audit actions whose `after` carries its value. */
interface Field {
  name: 'value' | 'comment' | 'reason';
  actions: readonly string[];
}

/** A journal table, the entity its audit events name, and the fields they carry. */
interface Checked {
  table: 'marks' | 'attendance' | 'periodMarks';
  entity: string;
  fields: readonly Field[];
}

const markActions = ['journal.mark.set', 'journal.mark.clear'];
const attendanceActions = ['journal.attendance.set', 'journal.attendance.clear'];
const periodMarkActions = ['journal.periodMark.set', 'journal.periodMark.clear'];

/**
 * What the journal writes (src/server/journal/save-*.ts, control/absences.ts, diary/notices.ts
 * and the seed) put in `after`: a cell's value, and its comment or absence reason; a cleared
 * (soft-deleted) cell shows null. A reason given later (`journal.attendance.reason`) carries the
 * reason only.
 */
const checked: readonly Checked[] = [
  {
    table: 'marks',
    entity: 'mark',
    fields: [
      { name: 'value', actions: markActions },
      { name: 'comment', actions: markActions },
    ],
  },
  {
    table: 'attendance',
    entity: 'attendance',
    fields: [
      { name: 'value', actions: attendanceActions },
      { name: 'reason', actions: [...attendanceActions, 'journal.attendance.reason'] },
    ],
  },
  { table: 'periodMarks', entity: 'periodMark', fields: [{ name: 'value', actions: periodMarkActions }] },
];

interface Row {
  id: number;
  /** Null: the row is gone from its table. */
  value: string | null;
  comment: string | null;
  reason: string | null;
  deletedAt: string | null;
}

interface Event {
  id: number;
  schoolId: number | null;
  at: string;
  actorId: number | null;
  actorKind: string;
  action: string;
  entityId: string | null;
  after: string | null;
}

function afterOf(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const shown = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

async function rowsAfter(db: Db, c: Checked, schoolId: number, afterId: number): Promise<Row[]> {
  if (c.table === 'marks')
    return db
      .selectFrom('marks')
      .select(['id', 'value', 'comment', 'deletedAt'])
      .select((eb) => eb.val<string | null>(null).as('reason'))
      .where('schoolId', '=', schoolId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
  if (c.table === 'attendance')
    return db
      .selectFrom('attendance')
      .select(['id', 'value', 'reason', 'deletedAt'])
      .select((eb) => eb.val<string | null>(null).as('comment'))
      .where('schoolId', '=', schoolId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
  return db
    .selectFrom('periodMarks')
    .select(['id', 'value', 'deletedAt'])
    .select((eb) => [eb.val<string | null>(null).as('comment'), eb.val<string | null>(null).as('reason')])
    .where('schoolId', '=', schoolId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(pageSize)
    .execute();
}

/** Compares one page of rows with the newest audit event of each of their fields. */
async function checkPage(db: Db, c: Checked, schoolId: number, rows: Row[], problems: ProblemList) {
  const actions = [...new Set(c.fields.flatMap((f) => f.actions))];
  const events: Event[] = await db
    .selectFrom('auditEvents')
    .select(['id', 'schoolId', 'at', 'actorId', 'actorKind', 'action', 'entityId', 'after'])
    .where('entity', '=', c.entity)
    .where(
      'entityId',
      'in',
      rows.map((r) => String(r.id)),
    )
    .orderBy('id')
    .execute();
  const byRow = new Map<string, Event[]>();
  // Filtered here, not in SQL: on (entity, entity_id) alone both engines take its index.
  for (const e of events)
    if (e.schoolId === schoolId && actions.includes(e.action))
      byRow.set(e.entityId ?? '', [...(byRow.get(e.entityId ?? '') ?? []), e]);
  for (const row of rows) {
    const history = byRow.get(String(row.id)) ?? [];
    for (const field of c.fields) {
      const newest = history.findLast((e) => field.actions.includes(e.action));
      const inHistory = newest ? shown(afterOf(newest.after)[field.name]) : null;
      const inTable = row.deletedAt === null ? shown(row[field.name]) : null;
      if (newest && inHistory === inTable) continue;
      // A row never written is the one mismatch a blank field cannot hide.
      if (!newest && field.name !== 'value') continue;
      problems.add({
        kind: 'valueMismatch',
        seq: null,
        eventId: newest?.id ?? null,
        at: newest?.at ?? null,
        actorId: newest?.actorId ?? null,
        actorKind: newest?.actorKind ?? null,
        action: newest?.action ?? null,
        entity: c.entity,
        entityId: String(row.id),
        field: field.name,
        expected: inHistory,
        found: inTable,
      });
      break;
    }
  }
}

/** Of these ids, those with a row of the table in the school. */
async function existingIds(db: Db, c: Checked, schoolId: number, ids: number[]): Promise<Set<number>> {
  const rows = await db
    .selectFrom(c.table)
    .select('id')
    .where('schoolId', '=', schoolId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Journal rows the school's history wrote that are no longer in their table (deleted behind
 * Otmetka's back: journal rows are never removed, a cleared cell stays as a soft-deleted row),
 * each a `valueMismatch` against its newest event. Reads the school's chain a page at a time.
 */
async function checkRemovedRows(db: Db, schoolId: number, problems: ProblemList): Promise<void> {
  const byEntity = new Map(checked.map((c) => [c.entity, c]));
  const actions = [...new Set(checked.flatMap((c) => c.fields.flatMap((f) => f.actions)))];
  const missing = new Map<Checked, Set<number>>();
  let seq = 0;
  for (;;) {
    const page = await db
      .selectFrom('auditEvents')
      .select(['seq', 'entity', 'entityId', 'action'])
      .where(sql<number>`coalesce(${sql.ref('schoolId')}, 0)`, '=', schoolId)
      .where('seq', '>', seq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;
    const ids = new Map<Checked, Set<number>>();
    for (const e of page) {
      const c = byEntity.get(e.entity);
      const id = Number(e.entityId);
      if (!c || !actions.includes(e.action) || !Number.isSafeInteger(id)) continue;
      ids.set(c, (ids.get(c) ?? new Set()).add(id));
    }
    for (const [c, set] of ids) {
      const found = await existingIds(db, c, schoolId, [...set]);
      for (const id of set) if (!found.has(id)) missing.set(c, (missing.get(c) ?? new Set()).add(id));
    }
    seq = page.at(-1)!.seq;
    if (page.length < pageSize) break;
  }
  for (const [c, set] of missing) {
    const ids = [...set].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += pageSize) {
      const rows = ids.slice(i, i + pageSize).map((id) => ({
        id,
        value: null,
        comment: null,
        reason: null,
        deletedAt: null,
      }));
      await checkPage(db, c, schoolId, rows, problems);
    }
  }
}

/**
 * Checks that every mark, attendance entry and period mark of the school shows what the newest
 * audit event of it says (a cleared cell: nothing); a row with no audit event, or another value,
 * is a `valueMismatch`, and so is a row the history wrote that is gone from its table. Reads a
 * page of rows and their events at a time. Answers the rows checked.
 */
export async function verifyJournal(db: Db, schoolId: number, problems: ProblemList): Promise<number> {
  let count = 0;
  for (const c of checked) {
    let afterId = 0;
    for (;;) {
      const rows = await rowsAfter(db, c, schoolId, afterId);
      if (rows.length === 0) break;
      await checkPage(db, c, schoolId, rows, problems);
      count += rows.length;
      afterId = rows.at(-1)!.id;
      if (rows.length < pageSize) break;
    }
  }
  await checkRemovedRows(db, schoolId, problems);
  return count;
}
