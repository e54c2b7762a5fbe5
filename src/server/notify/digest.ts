import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { after, channelsOf, enqueue, recipients, ruDate, twin } from './outbox.ts';
import { jobValue, setJobValue } from './telegram.ts';

/** A local date 'YYYY-MM-DD'. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Child {
  studentId: number;
  guardianId: number;
  name: string;
}

/** Marks entered since `since` for the children, as lines. */
async function marksSince(db: Kysely<DB>, studentIds: number[], since: string) {
  return db
    .selectFrom('marks')
    .innerJoin('lessons', 'lessons.id', 'marks.lessonId')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
    .select([
      'marks.studentId',
      'marks.value',
      'lessons.date',
      'subjects.name as subject',
      'workKinds.name as kind',
    ])
    .where('marks.studentId', 'in', studentIds)
    .where('marks.deletedAt', 'is', null)
    .where('marks.createdAt', '>=', since)
    .orderBy('lessons.date')
    .orderBy('marks.id')
    .execute();
}

/** Homework set since `since` for lessons of the children's groups (membership on the lesson's date). */
async function homeworkSince(db: Kysely<DB>, studentIds: number[], since: string) {
  return db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('groupMemberships', 'groupMemberships.groupId', 'courses.groupId')
    .select([
      'groupMemberships.studentId',
      'lessons.date',
      'lessons.homework',
      'lessons.homeworkDueOn',
      'subjects.name as subject',
    ])
    .where('groupMemberships.studentId', 'in', studentIds)
    .whereRef('groupMemberships.startsOn', '<=', 'lessons.date')
    .where((w) =>
      w.or([
        w('groupMemberships.endsOn', 'is', null),
        w('groupMemberships.endsOn', '>=', w.ref('lessons.date')),
      ]),
    )
    .where('lessons.homework', 'is not', null)
    .where('lessons.cancelledAt', 'is', null)
    .where('lessons.homeworkEnteredAt', '>=', since)
    .orderBy('lessons.date')
    .orderBy('lessons.id')
    .execute();
}

/**
 * Queues today's digest once per day after the digest hour: for each parent who wants it and has
 * something new today (marks entered, homework set) for a child, one letter per channel.
 * Returns how many were queued (0 when the day's digest was already made).
 */
export async function queueDigests(
  db: Kysely<DB>,
  digestHour: number,
  now: Date,
  schoolId?: number,
): Promise<number> {
  if (now.getHours() < digestHour) return 0;
  const day = localDate(now);
  const key = `digest.${day}`;
  if (await jobValue(db, key)) return 0;
  // Since the previous day's digest (what came after it is in no letter yet), else since midnight.
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const previous = await jobValue(db, `digest.${localDate(new Date(midnight.getTime() - 12 * 3_600_000))}`);
  const start =
    previous && previous < midnight.toISOString() && previous >= after(midnight, -36 * 3600)
      ? previous
      : midnight.toISOString();
  let query = db.selectFrom('guardianships');
  if (schoolId !== undefined) query = query.where('guardianships.schoolId', '=', schoolId);
  const children: Child[] = (
    await query
      .innerJoin('persons', 'persons.id', 'guardianships.studentId')
      .select([
        'guardianships.studentId',
        'guardianships.guardianId',
        'persons.lastName',
        'persons.firstName',
      ])
      .where('guardianships.archivedAt', 'is', null)
      .where('persons.archivedAt', 'is', null)
      .execute()
  ).map((c) => ({ studentId: c.studentId, guardianId: c.guardianId, name: `${c.lastName} ${c.firstName}` }));
  // A parent's children stay in one chunk: a second letter of the day would be dropped as a duplicate.
  const byGuardian = new Map<number, Child[]>();
  for (const c of children) byGuardian.set(c.guardianId, [...(byGuardian.get(c.guardianId) ?? []), c]);
  let queued = 0;
  let batch: Child[] = [];
  for (const family of byGuardian.values()) {
    batch.push(...family);
    if (batch.length >= 500) {
      queued += await digestsFor(db, batch, start, now);
      batch = [];
    }
  }
  if (batch.length) queued += await digestsFor(db, batch, start, now);
  await setJobValue(db, key, now.toISOString());
  return queued;
}

async function digestsFor(db: Kysely<DB>, children: Child[], since: string, now: Date): Promise<number> {
  const day = localDate(now);
  const studentIds = [...new Set(children.map((c) => c.studentId))];
  const [marks, homework, people] = await Promise.all([
    marksSince(db, studentIds, since),
    homeworkSince(db, studentIds, since),
    recipients(
      db,
      children.map((c) => c.guardianId),
    ),
  ]);
  let queued = 0;
  for (const r of people.values()) {
    if (!r.prefs.digest) continue;
    const channels = channelsOf(r);
    if (channels.length === 0) continue;
    const ru: string[] = [];
    const en: string[] = [];
    for (const child of children.filter((c) => c.guardianId === r.personId)) {
      const m = marks.filter((x) => x.studentId === child.studentId);
      const h = homework.filter((x) => x.studentId === child.studentId);
      if (m.length === 0 && h.length === 0) continue;
      ru.push(child.name);
      en.push(child.name);
      for (const x of m) {
        ru.push(`  Отметка ${x.value} — ${x.subject}, ${x.kind} (${ruDate(x.date)})`);
        en.push(`  Mark ${x.value} — ${x.subject}, ${x.kind} (${ruDate(x.date)})`);
      }
      for (const x of h) {
        const due = x.homeworkDueOn ? ` к ${ruDate(x.homeworkDueOn)}` : '';
        const dueEn = x.homeworkDueOn ? ` due ${ruDate(x.homeworkDueOn)}` : '';
        ru.push(`  Задание — ${x.subject}${due}: ${x.homework}`);
        en.push(`  Homework — ${x.subject}${dueEn}: ${x.homework}`);
      }
    }
    if (ru.length === 0) continue;
    const subject = `Отметка: итоги дня ${ruDate(day)}`;
    const body = twin(
      `Что нового за ${ruDate(day)}:\n\n${ru.join('\n')}\n\nПодробнее — в дневнике Отметки.`,
      `What is new on ${ruDate(day)}:\n\n${en.join('\n')}\n\nMore in the Otmetka diary.`,
    );
    for (const { channel, address } of channels) {
      await enqueue(db, {
        schoolId: r.schoolId,
        personId: r.personId,
        channel,
        address,
        kind: 'digest',
        subject,
        body,
        dedupeKey: `digest:${day}:${r.personId}:${channel}`,
        recheck: null,
        dueAt: now.toISOString(),
      });
      queued++;
    }
  }
  return queued;
}
