import type { z } from 'zod';
import type { diaryDay, diaryLesson, diaryWeek } from '../../contract/diary.ts';
import { addDays, weekdayOf } from '../../domain/school-days.ts';
import type { Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { studentName } from '../journal/journal.present.ts';
import { shortName } from '../timetable/timetable.queries.ts';
import type { DiaryStudent } from './diary.policy.ts';
import { className, classOf, groupsDuring, inGroupOn } from './diary.queries.ts';

/** A student's week as the diary shows it. */
export type DiaryWeek = z.infer<typeof diaryWeek>;
type Lesson = z.infer<typeof diaryLesson>;
type Day = z.infer<typeof diaryDay>;

/** How far back homework due in the week may have been set. */
const dueLookbackDays = 28;

/** The lessons of the student's groups in a date range, with subject and teacher: one indexed query. */
export function lessonsOfGroups(db: Db, groupIds: number[], from: string, to: string) {
  return db
    .selectFrom('lessons')
    .innerJoin('courses', 'courses.id', 'lessons.courseId')
    .innerJoin('subjects', 'subjects.id', 'courses.subjectId')
    .innerJoin('persons as t', 't.id', 'lessons.teacherId')
    .select([
      'lessons.id',
      'lessons.courseId',
      'courses.groupId',
      'lessons.date',
      'lessons.lessonNumber',
      'lessons.topic',
      'lessons.homework',
      'lessons.homeworkDueOn',
      'lessons.cancelledAt',
      'subjects.name as subject',
      't.lastName',
      't.firstName',
      't.middleName',
    ])
    .where('courses.groupId', 'in', groupIds.length ? groupIds : [-1])
    .where('lessons.date', '>=', from)
    .where('lessons.date', '<=', to);
}

/** Start and end times by weekday and lesson number, from the school's bell schedules. */
export async function bellsOf(db: Db, schoolId: number) {
  const rows = await db
    .selectFrom('bellTimes')
    .innerJoin('bellSchedules', 'bellSchedules.id', 'bellTimes.bellScheduleId')
    .select(['bellSchedules.weekdays', 'bellTimes.lessonNumber', 'bellTimes.startsAt', 'bellTimes.endsAt'])
    .where('bellTimes.schoolId', '=', schoolId)
    .execute();
  const out = new Map<string, { startsAt: string; endsAt: string }>();
  for (const r of rows) {
    let days: unknown;
    try {
      days = JSON.parse(r.weekdays);
    } catch {
      days = [];
    }
    for (const d of Array.isArray(days) ? days : [])
      out.set(`${d}:${r.lessonNumber}`, { startsAt: r.startsAt, endsAt: r.endsAt });
  }
  return out;
}

/** The week that begins on `weekStart` (a Monday) for the student, seen by `viewerId`. */
export async function buildWeek(
  db: Db,
  student: DiaryStudent,
  viewerId: number,
  weekStart: string,
): Promise<DiaryWeek> {
  const weekEnd = addDays(weekStart, 6);
  const groups = await groupsDuring(db, student.id, addDays(weekStart, -dueLookbackDays), weekEnd);
  const groupIds = [...groups.keys()];
  const [weekRows, dueRows, cls, bells, calendar, acks] = await Promise.all([
    lessonsOfGroups(db, groupIds, weekStart, weekEnd)
      .orderBy('lessons.date')
      .orderBy('lessons.lessonNumber')
      .orderBy('subjects.sortOrder')
      .execute(),
    lessonsOfGroups(db, groupIds, addDays(weekStart, -dueLookbackDays), weekEnd)
      .where('lessons.homeworkDueOn', '>=', weekStart)
      .where('lessons.homeworkDueOn', '<=', weekEnd)
      .where('lessons.homework', 'is not', null)
      .where('lessons.cancelledAt', 'is', null)
      .orderBy('lessons.date')
      .orderBy('lessons.lessonNumber')
      .execute(),
    classOf(db, groups, weekStart < today() && today() <= weekEnd ? today() : weekStart),
    bellsOf(db, student.schoolId),
    db
      .selectFrom('calendarEntries')
      .select(['kind', 'name', 'startsOn', 'endsOn', 'grade', 'asWeekday'])
      .where('schoolId', '=', student.schoolId)
      .where('kind', 'in', ['holiday', 'vacation', 'workday'])
      .where('startsOn', '<=', weekEnd)
      .where('endsOn', '>=', weekStart)
      .execute(),
    db
      .selectFrom('weekAcknowledgements as a')
      .innerJoin('persons as p', 'p.id', 'a.guardianId')
      .select(['a.guardianId', 'a.at', 'p.lastName', 'p.firstName', 'p.middleName'])
      .where('a.studentId', '=', student.id)
      .where('a.weekStart', '=', weekStart)
      .orderBy('a.at')
      .execute(),
  ]);
  const lessons = weekRows.filter((l) => inGroupOn(groups, l.groupId, l.date));
  const lessonIds = lessons.map((l) => l.id);
  const ids = lessonIds.length ? lessonIds : [-1];
  const courseIds = [...new Set(lessons.map((l) => l.courseId))];
  const [marks, attendance, files, slots] = await Promise.all([
    db
      .selectFrom('marks')
      .innerJoin('workKinds', 'workKinds.id', 'marks.workKindId')
      .select(['marks.lessonId', 'marks.value', 'marks.comment', 'workKinds.name', 'workKinds.weight'])
      .where('marks.studentId', '=', student.id)
      .where('marks.lessonId', 'in', ids)
      .where('marks.deletedAt', 'is', null)
      .orderBy('marks.id')
      .execute(),
    db
      .selectFrom('attendance')
      .select(['lessonId', 'value', 'reason'])
      .where('studentId', '=', student.id)
      .where('lessonId', 'in', ids)
      .where('deletedAt', 'is', null)
      .execute(),
    db
      .selectFrom('lessonFiles')
      .select(['id', 'lessonId', 'name', 'size'])
      .where('lessonId', 'in', ids)
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('timetableSlots')
      .select(['courseId', 'weekday', 'lessonNumber', 'room', 'validFrom', 'validTo'])
      .where('courseId', 'in', courseIds.length ? courseIds : [-1])
      .where('validFrom', '<=', weekEnd)
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', weekStart)]))
      .execute(),
  ]);
  const byLesson = <T extends { lessonId: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.lessonId, [...(m.get(r.lessonId) ?? []), r]);
    return m;
  };
  const marksOf = byLesson(marks);
  const filesOf = byLesson(files);
  const attendanceOf = new Map(attendance.map((a) => [a.lessonId, a]));
  const applies = (e: (typeof calendar)[number], date: string) =>
    e.startsOn <= date && date <= e.endsOn && (e.grade === null || e.grade === cls?.grade);
  // A working-day transfer follows another weekday's timetable and bells.
  const weekdayAt = (date: string) =>
    calendar.find((e) => e.kind === 'workday' && e.asWeekday !== null && applies(e, date))?.asWeekday ??
    weekdayOf(date);
  const roomOf = (courseId: number, date: string, n: number) =>
    slots.find(
      (s) =>
        s.courseId === courseId &&
        s.weekday === weekdayAt(date) &&
        s.lessonNumber === n &&
        s.validFrom <= date &&
        (s.validTo === null || s.validTo >= date),
    )?.room ?? null;

  const days: Day[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(weekStart, i);
    const dayLessons: Lesson[] = lessons
      .filter((l) => l.date === date)
      .map((l) => {
        const bell = bells.get(`${weekdayAt(date)}:${l.lessonNumber}`);
        const a = attendanceOf.get(l.id);
        return {
          lessonId: l.id,
          lessonNumber: l.lessonNumber,
          startsAt: bell?.startsAt ?? null,
          endsAt: bell?.endsAt ?? null,
          subject: l.subject,
          teacher: shortName(l),
          room: roomOf(l.courseId, date, l.lessonNumber),
          topic: l.topic,
          homework: l.homework,
          homeworkDueOn: l.homeworkDueOn,
          files: (filesOf.get(l.id) ?? []).map((f) => ({ id: f.id, name: f.name, size: Number(f.size) })),
          marks: (marksOf.get(l.id) ?? []).map((m) => ({
            value: m.value,
            workKind: m.name,
            weight: Number(m.weight),
            comment: m.comment,
          })),
          attendance: a
            ? { value: a.value as 'absent' | 'late', reason: a.reason as 'illness' | 'excused' | null }
            : null,
          cancelled: l.cancelledAt !== null,
        };
      });
    if (i === 6 && dayLessons.length === 0) continue;
    const off = calendar.find((e) => e.kind !== 'workday' && applies(e, date));
    const due = dueRows
      .filter((l) => l.homeworkDueOn === date && l.date < date && inGroupOn(groups, l.groupId, l.date))
      .map((l) => ({ lessonId: l.id, subject: l.subject, homework: l.homework ?? '', setOn: l.date }));
    days.push({ date, dayOff: off?.name ?? null, lessons: dayLessons, due });
  }
  const on = today();
  return {
    student: { id: student.id, name: studentName(student), className: className(cls) },
    weekStart,
    days,
    acknowledged: acks.map((a) => ({ guardianId: a.guardianId, name: shortName(a), at: String(a.at) })),
    canAcknowledge: student.guardian && weekStart <= on && viewerId > 0,
  };
}
