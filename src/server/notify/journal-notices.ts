import { markNumbers } from '../../domain/marks.ts';
import type { Ctx, Db } from '../access/actor.ts';
import {
  after,
  channelsOf,
  enqueue,
  notifyConfig,
  type Recipient,
  recipients,
  ruDate,
  twin,
} from './outbox.ts';

/** A journal entry that may concern parents: a mark or an absence as it now stands (value null: removed). */
export interface JournalNoticeItem {
  kind: 'mark' | 'attendance';
  /** The mark's or attendance row's id. */
  id: number;
  studentId: number;
  value: string | null;
}

/** The lowest number a mark counts as («5/2» → 2, «2-» → 1.75); null for a pass or a debt. */
export function lowestNumber(value: string): number | null {
  const numbers = markNumbers(value);
  return numbers.length ? Math.min(...numbers) : null;
}

/** Whether a parent with these preferences wants to hear at once of this entry. */
export function wantsAtOnce(r: Recipient, item: JournalNoticeItem): boolean {
  if (item.value === null) return false;
  if (item.kind === 'attendance')
    return r.prefs.absencesInstant && (item.value === 'absent' || item.value === 'late');
  const lowest = lowestNumber(item.value);
  return r.prefs.markThreshold !== null && lowest !== null && lowest <= r.prefs.markThreshold;
}

/** The lesson as a notice names it. */
async function lessonInfo(trx: Db, lessonId: number) {
  return trx
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .select(['lessons.date', 'lessons.lessonNumber', 'subjects.name as subject'])
    .where('lessons.id', '=', lessonId)
    .executeTakeFirst();
}

type Lesson = NonNullable<Awaited<ReturnType<typeof lessonInfo>>>;

async function markText(trx: Db, item: JournalNoticeItem, pupil: string, lesson: Lesson) {
  const mark = await trx
    .selectFrom('marks')
    .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
    .select(['marks.comment', 'workKinds.name as kind'])
    .where('marks.id', '=', item.id)
    .executeTakeFirst();
  const date = ruDate(lesson.date);
  const subject = `Отметка: ${pupil} получил(а) ${item.value} по предмету ${lesson.subject} (${date})`;
  const comment = mark?.comment ? `\nКомментарий учителя: ${mark.comment}` : '';
  const commentEn = mark?.comment ? `\nTeacher's comment: ${mark.comment}` : '';
  const ru = `${subject}.\nВид работы: ${mark?.kind ?? '—'}.${comment}\n\nВсе отметки — в дневнике Отметки.`;
  const en =
    `Mark: ${pupil} got ${item.value} in ${lesson.subject} (${date}).\nKind of work: ${mark?.kind ?? '—'}.` +
    `${commentEn}\n\nAll marks are in the Otmetka diary.`;
  return { subject, body: twin(ru, en) };
}

function absenceText(item: JournalNoticeItem, pupil: string, lesson: Lesson) {
  const date = ruDate(lesson.date);
  const where = `${lesson.subject} (${date}, урок ${lesson.lessonNumber})`;
  const whereEn = `${lesson.subject} (${date}, lesson ${lesson.lessonNumber})`;
  const late = item.value === 'late';
  const subject = late
    ? `Опоздание: ${pupil} опоздал(а) на урок ${where}`
    : `Пропуск: ${pupil} отсутствовал(а) на уроке ${where}`;
  const ru = `${subject}.\n\nЕсли это ошибка или причина известна, напишите классному руководителю в Отметке.`;
  const en = late
    ? `Late: ${pupil} was late for ${whereEn}.`
    : `Absence: ${pupil} was absent from ${whereEn}.`;
  return {
    subject,
    body: twin(
      ru,
      `${en}\n\nIf this is a mistake or you know the reason, write to the class teacher in Otmetka.`,
    ),
  };
}

/**
 * Queues the notifications a journal change causes (a low mark, an absence) for the students'
 * parents, by their preferences, in the transaction of the change. They wait `holdSeconds`, and
 * the worker checks that the entry still stands before sending.
 */
export async function queueJournalNotices(
  trx: Db,
  ctx: Ctx,
  change: { schoolId: number; lessonId: number; items: readonly JournalNoticeItem[] },
): Promise<void> {
  void ctx;
  const items = change.items.filter((i) => i.value !== null);
  if (items.length === 0) return;
  const studentIds = [...new Set(items.map((i) => i.studentId))];
  const links = await trx
    .selectFrom('guardianships')
    .innerJoin('persons', 'persons.id', 'guardianships.studentId')
    .select(['guardianships.guardianId', 'guardianships.studentId', 'persons.lastName', 'persons.firstName'])
    .where('guardianships.studentId', 'in', studentIds)
    .where('guardianships.archivedAt', 'is', null)
    .execute();
  if (links.length === 0) return;
  const people = await recipients(
    trx,
    links.map((l) => l.guardianId),
  );
  const lesson = await lessonInfo(trx, change.lessonId);
  if (!lesson) return;
  const dueAt = after(new Date(), notifyConfig().holdSeconds);
  for (const item of items) {
    for (const link of links.filter((l) => l.studentId === item.studentId)) {
      const r = people.get(link.guardianId);
      if (!r || !wantsAtOnce(r, item)) continue;
      const channels = channelsOf(r);
      if (channels.length === 0) continue;
      const pupil = `${link.lastName} ${link.firstName}`;
      const kind = item.kind === 'mark' ? 'mark' : 'absence';
      const text =
        item.kind === 'mark' ? await markText(trx, item, pupil, lesson) : absenceText(item, pupil, lesson);
      for (const { channel, address } of channels) {
        await enqueue(trx, {
          schoolId: change.schoolId,
          personId: r.personId,
          channel,
          address,
          kind,
          subject: text.subject,
          body: text.body,
          dedupeKey: `${item.kind}:${item.id}:${item.value}:${r.personId}:${channel}`,
          recheck: JSON.stringify({ kind: item.kind, id: item.id, value: item.value }),
          dueAt,
        });
      }
    }
  }
}
