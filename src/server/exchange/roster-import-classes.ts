import type { Existing } from './roster-import-existing.ts';
import {
  draftOf,
  fail,
  isIsoDate,
  type PlannedClass,
  type PlannedCourse,
  type PlannedMembership,
  type PlannedPerson,
  type RosterFiles,
  type RowDraft,
} from './roster-import-model.ts';

/** Reads «5А», «10 Б», «11-В» as a grade 1..11 and a capital letter. */
export function parseClassName(text: string): { grade: number; letter: string } | null {
  const m = /^\s*(\d{1,2})\s*[-–]?\s*([A-Za-zА-Яа-яЁё])\s*$/.exec(text);
  if (!m) return null;
  const grade = Number(m[1]);
  if (grade < 1 || grade > 11) return null;
  return { grade, letter: m[2]!.toUpperCase() };
}

/** The subject a courses.csv row names: its first subject, else the title before the comma. */
function subjectOf(values: Record<string, string>): string {
  const first = (values.subjects ?? '').split(',')[0]?.trim();
  return first || (values.title ?? '').split(',')[0]!.trim();
}

/** Reads classes.csv (with the subjects of courses.csv): homerooms become classes, scheduled classes courses. */
export function planClasses(
  files: RosterFiles,
  existing: Existing,
  schoolOrgs: Set<string>,
  drafts: Map<string, RowDraft[]>,
) {
  const subjects = new Map<string, string>();
  const courseDrafts: RowDraft[] = [];
  const newSubjects = new Set<string>();
  for (const row of files.get('courses.csv')?.rows ?? []) {
    const name = subjectOf(row.values);
    const draft = draftOf('courses.csv', row, row.values.title ?? '');
    if (!name) fail(draft, 'subjects', 'rosterImportRequired');
    else {
      subjects.set(row.values.sourcedId ?? '', name);
      const key = name.toLowerCase();
      draft.outcome = existing.subjectsByName.has(key) || newSubjects.has(key) ? 'match' : 'create';
      newSubjects.add(key);
    }
    courseDrafts.push(draft);
  }
  drafts.set('courses.csv', courseDrafts);
  const classes: PlannedClass[] = [];
  const courses: PlannedCourse[] = [];
  const classDrafts: RowDraft[] = [];
  const seen = new Map<string, number>();
  const names = new Map<string, number>();
  for (const row of files.get('classes.csv')?.rows ?? []) {
    const v = row.values;
    const draft = draftOf('classes.csv', row, v.title ?? '');
    classDrafts.push(draft);
    const sourcedId = v.sourcedId ?? '';
    if (!sourcedId) fail(draft, 'sourcedId', 'rosterImportRequired');
    else if (seen.has(sourcedId))
      fail(draft, 'sourcedId', 'rosterImportDuplicate', { line: seen.get(sourcedId)! });
    else seen.set(sourcedId, row.line);
    if (v.status === 'tobedeleted') {
      if (draft.outcome !== 'error') draft.outcome = 'skip';
      continue;
    }
    if (!schoolOrgs.has(v.schoolSourcedId ?? ''))
      fail(draft, 'schoolSourcedId', 'rosterImportOtherSchool', { id: v.schoolSourcedId ?? '' });
    if (v.classType === 'homeroom') {
      const code = v.classCode || v.title || '';
      const parsed = parseClassName(code);
      if (!parsed) {
        fail(draft, v.classCode ? 'classCode' : 'title', 'rosterImportBadClassCode', { value: code });
        continue;
      }
      const name = `${parsed.grade}${parsed.letter}`;
      if (names.has(name))
        fail(draft, 'classCode', 'rosterImportDuplicateClass', { name, line: names.get(name)! });
      names.set(name, row.line);
      const byRoster = existing.rosterIds.get(`class:${sourcedId}`);
      const known =
        byRoster !== undefined && existing.classIds.has(byRoster)
          ? [...existing.classesByName.values()].find((c) => c.id === byRoster)
          : existing.classesByName.get(name);
      if (known && draft.outcome !== 'error') draft.outcome = 'match';
      classes.push({
        draft,
        sourcedId,
        ...parsed,
        classTeacher: null,
        localId: known?.id ?? null,
        groupId: known?.groupId ?? null,
        students: new Set(),
      });
    } else if (v.classType === 'scheduled') {
      const subjectName = subjects.get(v.courseSourcedId ?? '');
      if (subjectName === undefined)
        fail(draft, 'courseSourcedId', 'rosterImportUnknownRef', {
          id: v.courseSourcedId ?? '',
          file: 'courses.csv',
        });
      const hoursText = v['metadata.otmetka.hoursPerWeek'] ?? '';
      const hours = hoursText === '' ? 1 : Number(hoursText);
      if (!Number.isFinite(hours) || hours < 0 || hours > 40)
        fail(draft, 'metadata.otmetka.hoursPerWeek', 'rosterImportBadHours');
      courses.push({
        draft,
        sourcedId,
        title: v.title ?? '',
        subjectName: subjectName ?? '',
        hoursPerWeek: Number.isFinite(hours) ? hours : 1,
        teacher: null,
        secondTeacher: null,
        group: null,
        localId: null,
        groupId: null,
      });
    } else fail(draft, 'classType', 'rosterImportBadValue', { value: v.classType ?? '' });
  }
  drafts.set('classes.csv', classDrafts);
  // A course only homerooms point to (such as «Классный час») makes no subject.
  const used = new Set(
    (files.get('classes.csv')?.rows ?? [])
      .filter((r) => r.values.classType === 'scheduled')
      .map((r) => r.values.courseSourcedId),
  );
  for (const d of courseDrafts) if (d.outcome === 'create' && !used.has(d.sourcedId)) d.outcome = 'skip';
  return { classes, courses };
}

/** Reads enrollments.csv: class teachers, course teachers, and the students' memberships with dates. */
export function planEnrollments(
  files: RosterFiles,
  people: PlannedPerson[],
  classes: PlannedClass[],
  courses: PlannedCourse[],
  yearStartsOn: string,
  drafts: Map<string, RowDraft[]>,
): PlannedMembership[] {
  const users = new Map(people.map((p) => [p.sourcedId, p]));
  const allUsers = new Set((files.get('users.csv')?.rows ?? []).map((r) => r.values.sourcedId ?? ''));
  const homerooms = new Map(classes.map((c) => [c.sourcedId, c]));
  const scheduled = new Map(courses.map((c) => [c.sourcedId, c]));
  const allClasses = new Set((files.get('classes.csv')?.rows ?? []).map((r) => r.values.sourcedId ?? ''));
  const memberships: PlannedMembership[] = [];
  const rows: RowDraft[] = [];
  for (const row of files.get('enrollments.csv')?.rows ?? []) {
    const v = row.values;
    const draft = draftOf('enrollments.csv', row, `${v.userSourcedId} → ${v.classSourcedId}`);
    rows.push(draft);
    if (v.status === 'tobedeleted' || v.role === 'administrator' || v.role === 'proctor') {
      draft.outcome = 'skip';
      continue;
    }
    const user = users.get(v.userSourcedId ?? '');
    const homeroom = homerooms.get(v.classSourcedId ?? '');
    const course = scheduled.get(v.classSourcedId ?? '');
    if (!allUsers.has(v.userSourcedId ?? ''))
      fail(draft, 'userSourcedId', 'rosterImportUnknownRef', {
        id: v.userSourcedId ?? '',
        file: 'users.csv',
      });
    if (!allClasses.has(v.classSourcedId ?? ''))
      fail(draft, 'classSourcedId', 'rosterImportUnknownRef', {
        id: v.classSourcedId ?? '',
        file: 'classes.csv',
      });
    for (const column of ['beginDate', 'endDate'] as const) {
      const value = v[column] ?? '';
      if (value && !isIsoDate(value)) fail(draft, column, 'rosterImportBadDate', { value });
    }
    if (draft.outcome === 'error') continue;
    if (!user || (!homeroom && !course)) {
      draft.outcome = 'skip';
      continue;
    }
    if (v.role === 'teacher') {
      if (user.kind !== 'staff') {
        fail(draft, 'userSourcedId', 'rosterImportNotTeacher', { id: user.sourcedId });
        continue;
      }
      const primary = v.primary !== 'false';
      if (homeroom) {
        if (primary && !homeroom.classTeacher) homeroom.classTeacher = user;
        else draft.outcome = 'skip';
      } else if (course) {
        if (primary && !course.teacher) course.teacher = user;
        else if (!primary && !course.secondTeacher) course.secondTeacher = user;
        else draft.outcome = 'skip';
      }
      if (draft.outcome !== 'skip') draft.outcome = 'match';
      continue;
    }
    if (v.role !== 'student') {
      fail(draft, 'role', 'rosterImportBadValue', { value: v.role ?? '' });
      continue;
    }
    if (user.kind !== 'student') {
      fail(draft, 'userSourcedId', 'rosterImportNotStudent', { id: user.sourcedId });
      continue;
    }
    if (homeroom) homeroom.students.add(user.sourcedId);
    memberships.push({
      draft,
      sourcedId: v.sourcedId ?? '',
      student: user,
      target: homeroom ? { homeroom } : { course: course! },
      startsOn: v.beginDate || yearStartsOn,
      endsOn: v.endDate || null,
      localId: null,
    });
  }
  drafts.set('enrollments.csv', rows);
  return memberships;
}
