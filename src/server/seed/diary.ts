import type { Transaction } from 'kysely';
import { type AuditRow, appendAuditRows } from '../audit/append-audit.ts';
import type { DB } from '../db/schema.ts';
import { chunks, insertAll } from './batches.ts';
import { Random } from './journal-plan.ts';

/** What the demo diary seed wrote. */
export interface DiaryCounts {
  notificationPrefs: number;
  acknowledgements: number;
  absenceNotices: number;
  threads: number;
  threadMembers: number;
  messages: number;
}

/** The people and day the demo diary is written around. */
export interface DemoDiaryInput {
  schoolId: number;
  /** The demo parent and their child in 5А. */
  parentId: number;
  studentId: number;
  directorId: number;
  /** 'YYYY-MM-DD': the seed's today. */
  today: string;
  /** The first day of the school year: no acknowledgement before it. */
  yearStartsOn: string;
  seed: number;
}

const dayMs = 86_400_000;

/** A date shifted by whole days. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The Monday of the week holding a date. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** An ISO timestamp on a day at a local-looking hour (UTC; the demo does not need time zones). */
const at = (date: string, hour: number, minute = 0) =>
  `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

function audit(
  schoolId: number,
  when: string,
  by: number,
  action: string,
  entity: string,
  id: number | string,
  after: unknown,
): AuditRow {
  return {
    schoolId,
    at: when,
    actorId: by,
    actorKind: 'person',
    action,
    entity,
    entityId: String(id),
    before: null,
    after: JSON.stringify(after),
    ip: null,
    requestId: null,
  };
}

/** The class 5А of the school with its class teacher, students and their guardians, by id. */
async function classFiveA(trx: Transaction<DB>, schoolId: number) {
  const cls = await trx
    .selectFrom('classes')
    .select(['id', 'classTeacherId'])
    .where('schoolId', '=', schoolId)
    .where('grade', '=', 5)
    .where('letter', '=', 'А')
    .executeTakeFirstOrThrow();
  const families = await trx
    .selectFrom('groupMemberships as m')
    .innerJoin('groups as g', 'g.id', 'm.groupId')
    .innerJoin('guardianships as gs', 'gs.studentId', 'm.studentId')
    .select(['m.studentId', 'gs.guardianId'])
    .where('g.classId', '=', cls.id)
    .where('g.kind', '=', 'class')
    .where('m.endsOn', 'is', null)
    .where('gs.archivedAt', 'is', null)
    .orderBy('gs.id')
    .execute();
  return { classId: cls.id, classTeacherId: cls.classTeacherId, families };
}

/**
 * Writes what the diary screens of the demo show: notification preferences of some parents,
 * acknowledgements of past weeks by parents of 5А, a live notice of an absence next week, and
 * three conversations (a parent's dialog with the class teacher of 5А with a reply, the class
 * teacher's announcement to 5А, the director's announcement to the school), each row with the
 * audit event its use case writes. Deterministic for a given seed and today.
 */
export async function writeDemoDiary(trx: Transaction<DB>, input: DemoDiaryInput): Promise<DiaryCounts> {
  const { schoolId, parentId, studentId, directorId, today } = input;
  const random = new Random(input.seed * 7919 + 5);
  const five = await classFiveA(trx, schoolId);
  const teacherId = five.classTeacherId ?? directorId;
  const audits: AuditRow[] = [];
  const guardians = [...new Set(five.families.map((f) => f.guardianId))];

  // Notification preferences: the demo parent wants a «2» at once; some others chose otherwise.
  const prefs = [
    {
      personId: parentId,
      emailEnabled: 1,
      telegramEnabled: 0,
      absencesInstant: 1,
      markThreshold: 2,
      digest: 1,
    },
    ...guardians
      .filter((g) => g !== parentId && random.next() < 0.4)
      .map((personId) => {
        const off = random.next() < 0.2;
        return {
          personId,
          emailEnabled: off ? 0 : 1,
          telegramEnabled: 0,
          absencesInstant: off ? 0 : 1,
          markThreshold: off ? null : random.next() < 0.5 ? 2 : 3,
          digest: off || random.next() < 0.3 ? 0 : 1,
        };
      }),
  ].map((p) => ({ ...p, updatedAt: at(addDays(today, -20), 20) }));
  await insertAll(prefs, (batch) => trx.insertInto('notificationPrefs').values(batch).execute());
  for (const p of prefs) {
    const { personId, updatedAt, ...after } = p;
    audits.push(
      audit(schoolId, updatedAt, personId, 'notify.prefs.update', 'notificationPrefs', personId, after),
    );
  }

  // «Ознакомлен» for past weeks: the demo parent every week, others more often for recent weeks.
  const thisWeek = mondayOf(today);
  const pastWeeks = [1, 2, 3]
    .map((n) => addDays(thisWeek, -7 * n))
    .filter((w) => w >= mondayOf(input.yearStartsOn));
  const acks = five.families.flatMap(({ studentId: child, guardianId }) =>
    pastWeeks
      .filter((_, n) => (guardianId === parentId && child === studentId) || random.next() < 0.7 - 0.2 * n)
      .map((weekStart) => ({
        schoolId,
        studentId: child,
        guardianId,
        weekStart,
        at: at(addDays(weekStart, 5 + random.int(0, 1)), random.int(9, 21), random.int(0, 59)),
      })),
  );
  const ackIds: number[] = [];
  for (const batch of chunks(acks)) {
    const rows = await trx.insertInto('weekAcknowledgements').values(batch).returning('id').execute();
    ackIds.push(...rows.map((r) => r.id).sort((a, b) => a - b));
  }
  for (const [i, a] of acks.entries()) {
    const after = { studentId: a.studentId, weekStart: a.weekStart };
    audits.push(
      audit(
        schoolId,
        a.at,
        a.guardianId,
        'diary.week.acknowledge',
        'weekAcknowledgement',
        ackIds[i] ?? 0,
        after,
      ),
    );
  }

  // A parent of another 5А student tells the school of two days away next week.
  const absent = five.families.find((f) => f.studentId !== studentId);
  let notices = 0;
  if (absent) {
    const next = addDays(thisWeek, 7);
    const notice = {
      schoolId,
      studentId: absent.studentId,
      fromDate: addDays(next, 1),
      toDate: addDays(next, 2),
      reason: 'excused',
      comment: 'Семейные обстоятельства: едем на соревнования по плаванию.',
      createdBy: absent.guardianId,
      createdAt: at(today, 19, 40),
      cancelledAt: null,
    };
    const { id } = await trx
      .insertInto('absenceNotices')
      .values(notice)
      .returning('id')
      .executeTakeFirstOrThrow();
    const { schoolId: _s, createdAt, createdBy, cancelledAt: _c, ...after } = notice;
    audits.push(audit(schoolId, createdAt, createdBy, 'diary.notice.create', 'absenceNotice', id, after));
    notices = 1;
  }

  // A school announcement reaches every parent and, sent «to students too», every student.
  const audience = await trx
    .selectFrom('roleAssignments')
    .select('personId')
    .distinct()
    .where('schoolId', '=', schoolId)
    .where('role', 'in', ['parent', 'student'])
    .where('revokedAt', 'is', null)
    .orderBy('personId')
    .execute();
  const everyone = audience.map((p) => p.personId).filter((id) => id !== directorId);
  const conversations: Conversation[] = [
    {
      kind: 'dialog',
      studentId,
      classId: five.classId,
      subject: 'Пропущенные уроки',
      members: [parentId, teacherId],
      messages: [
        {
          by: parentId,
          at: at(addDays(today, -3), 19, 12),
          body: 'Здравствуйте! Ребёнок пропустил два дня по болезни. Подскажите, пожалуйста, что нужно догнать?',
        },
        {
          by: teacherId,
          at: at(addDays(today, -2), 8, 5),
          body: 'Здравствуйте! Задания есть в дневнике. Я попрошу учителей математики и русского языка дать консультацию после уроков в среду. Выздоравливайте!',
        },
      ],
      readBy: [parentId, teacherId],
    },
    {
      kind: 'class',
      studentId: null,
      classId: five.classId,
      subject: 'Родительское собрание',
      members: [teacherId, ...guardians],
      messages: [
        {
          by: teacherId,
          at: at(addDays(today, -5), 16, 30),
          body: 'Уважаемые родители! Родительское собрание 5А класса состоится в четверг в 18:30 в кабинете класса. Тема: итоги первой четверти и подготовка к контрольным работам.',
        },
      ],
      readBy: [teacherId, parentId, ...guardians.filter(() => random.next() < 0.6)],
    },
    {
      kind: 'school',
      studentId: null,
      classId: null,
      subject: 'Зимние каникулы',
      members: [directorId, ...everyone],
      messages: [
        {
          by: directorId,
          at: at(addDays(today, -7), 12, 0),
          body: 'Уважаемые ученики и родители! Зимние каникулы — с 29 декабря по 11 января. Новогодний концерт пройдёт 26 декабря в актовом зале. С уважением, директор школы.',
        },
      ],
      readBy: [directorId, ...everyone.filter(() => random.next() < 0.3)],
    },
  ];
  const written = await writeConversations(trx, schoolId, conversations, audits);
  await appendAuditRows(trx, audits);
  return {
    notificationPrefs: prefs.length,
    acknowledgements: acks.length,
    absenceNotices: notices,
    ...written,
  };
}

/** A conversation to seed: its members see it; those in `readBy` have read it to the end. */
interface Conversation {
  kind: 'dialog' | 'class' | 'school';
  studentId: number | null;
  classId: number | null;
  subject: string;
  members: number[];
  messages: { by: number; at: string; body: string }[];
  readBy: number[];
}

async function writeConversations(
  trx: Transaction<DB>,
  schoolId: number,
  conversations: Conversation[],
  audits: AuditRow[],
): Promise<{ threads: number; threadMembers: number; messages: number }> {
  let members = 0;
  let messages = 0;
  for (const c of conversations) {
    const first = c.messages[0];
    const last = c.messages.at(-1);
    if (!first || !last) continue;
    const { id: threadId } = await trx
      .insertInto('threads')
      .values({
        schoolId,
        kind: c.kind,
        studentId: c.studentId,
        classId: c.classId,
        subject: c.subject,
        createdBy: first.by,
        createdAt: first.at,
        lastMessageAt: last.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const read = new Set(c.readBy);
    const rows = [...new Set(c.members)].map((personId) => ({
      schoolId,
      threadId,
      personId,
      readAt: read.has(personId) ? last.at : null,
    }));
    await insertAll(rows, (batch) => trx.insertInto('threadMembers').values(batch).execute());
    members += rows.length;
    for (const [i, m] of c.messages.entries()) {
      const { id } = await trx
        .insertInto('messages')
        .values({ schoolId, threadId, authorId: m.by, body: m.body, createdAt: m.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      messages++;
      // The first message comes with its thread (as the use cases audit it), the rest as replies.
      if (i > 0) audits.push(audit(schoolId, m.at, m.by, 'messages.send', 'message', id, { threadId }));
      else {
        const action = c.kind === 'dialog' ? 'messages.thread.create' : 'messages.announce';
        const after = { studentId: c.studentId, classId: c.classId, subject: c.subject, messageId: id };
        audits.push(audit(schoolId, m.at, m.by, action, 'thread', threadId, after));
      }
    }
  }
  return { threads: conversations.length, threadMembers: members, messages };
}
