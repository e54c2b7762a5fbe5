import { HOURS_PER_WEEK_COLUMN, headerOf, MANIFEST_FILES, type OneRosterFile } from './oneroster-columns.ts';
import { writeCsv } from './oneroster-csv.ts';
import type { loadRosterMarks, loadRosterPeople, loadRosterYear } from './roster-export.queries.ts';

type YearData = Awaited<ReturnType<typeof loadRosterYear>>;
type PeopleData = Awaited<ReturnType<typeof loadRosterPeople>>;
type MarkRow = Awaited<ReturnType<typeof loadRosterMarks>>[number];
type Row = Record<string, string>;

/** What a OneRoster export is made of: the year's roster, its people, its marks and the moment. */
export interface RosterExportInput {
  data: YearData;
  people: PeopleData;
  marks: MarkRow[];
  /** ISO 8601 instant written as every row's dateLastModified. */
  exportedAt: string;
}

const staffRoles: Record<string, string> = {
  admin: 'systemAdministrator',
  director: 'principal',
  deputy: 'siteAdministrator',
  teacher: 'teacher',
};
const guardianRoles: Record<string, string> = {
  mother: 'parent',
  father: 'parent',
  guardian: 'guardian',
  other: 'relative',
};

const pad2 = (n: number) => String(n).padStart(2, '0');
const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The persons an export names: students of the year, their guardians, the teachers and the staff. */
export function rosterPersonIds(data: YearData): number[] {
  const ids = new Set<number>();
  for (const m of data.memberships) ids.add(m.studentId);
  const students = new Set(ids);
  for (const c of data.courses) {
    ids.add(c.teacherId);
    if (c.secondTeacherId !== null) ids.add(c.secondTeacherId);
  }
  for (const c of data.classes) if (c.classTeacherId !== null) ids.add(c.classTeacherId);
  for (const r of data.roleRows) if (staffRoles[r.role]) ids.add(r.personId);
  for (const g of data.guardianships) if (students.has(g.studentId)) ids.add(g.guardianId);
  return [...ids].sort((a, b) => a - b);
}

/**
 * The CSV files of a OneRoster 1.2 bulk export (file name → text), manifest.csv included.
 * sourcedIds come from roster_ids when the row was imported, else `otmetka-<school>-<entity>-<id>`.
 */
export function buildRosterFiles(input: RosterExportInput): Map<string, string> {
  const { data, people, marks, exportedAt } = input;
  const schoolId = data.school.id;
  const imported = new Map<string, string>();
  for (const r of data.rosterIds) {
    const key = `${r.entity}:${r.localId}`;
    if (!imported.has(key)) imported.set(key, r.sourcedId);
  }
  const own = (entity: string, id: number | string) => `otmetka-${schoolId}-${entity}-${id}`;
  const sid = (entity: string, id: number) => imported.get(`${entity}:${id}`) ?? own(entity, id);
  const out = new Map<OneRosterFile, Row[]>();
  const push = (file: OneRosterFile, row: Row) => {
    row.status = 'active';
    row.dateLastModified = exportedAt;
    let list = out.get(file);
    if (!list) {
      list = [];
      out.set(file, list);
    }
    list.push(row);
  };

  const orgId = sid('org', schoolId);
  if (data.school.districtId !== null) {
    const districtId = sid('district', data.school.districtId);
    push('orgs', { sourcedId: districtId, name: data.school.districtName ?? '', type: 'district' });
    push('orgs', {
      sourcedId: orgId,
      name: data.school.name,
      type: 'school',
      identifier: String(schoolId),
      parentSourcedId: districtId,
    });
  } else
    push('orgs', { sourcedId: orgId, name: data.school.name, type: 'school', identifier: String(schoolId) });

  const year = data.year;
  const yearId = sid('year', year.id);
  const schoolYear = year.endsOn.slice(0, 4);
  push('academicSessions', {
    sourcedId: yearId,
    title: year.name,
    type: 'schoolYear',
    startDate: year.startsOn,
    endDate: year.endsOn,
    schoolYear,
  });
  for (const t of data.terms) {
    const type = t.scheme === 'halves' ? 'semester' : 'term';
    push('academicSessions', {
      sourcedId: sid('period', t.id),
      title: t.name,
      type,
      startDate: t.startsOn,
      endDate: t.endsOn,
      parentSourcedId: yearId,
      schoolYear,
    });
  }

  const classById = new Map(data.classes.map((c) => [c.id, c]));
  const groupById = new Map(data.groups.map((g) => [g.id, g]));
  const className = (id: number) => {
    const c = classById.get(id);
    return c ? `${c.grade}${c.letter}` : '';
  };
  const studentGrade = new Map<number, number>();
  for (const m of data.memberships) {
    const g = groupById.get(m.groupId);
    const c = g?.kind === 'class' && g.classId !== null ? classById.get(g.classId) : undefined;
    if (c && !studentGrade.has(m.studentId)) studentGrade.set(m.studentId, c.grade);
  }
  const membersOf = new Map<number, typeof data.memberships>();
  for (const m of data.memberships) {
    const list = membersOf.get(m.groupId) ?? [];
    list.push(m);
    membersOf.set(m.groupId, list);
  }
  const groupGrade = (groupId: number): number | null => {
    const g = groupById.get(groupId);
    if (g?.classId != null) return classById.get(g.classId)?.grade ?? null;
    for (const m of membersOf.get(groupId) ?? []) {
      const grade = studentGrade.get(m.studentId);
      if (grade !== undefined) return grade;
    }
    return null;
  };

  // courses.csv: a homeroom course per grade, a course per subject × grade.
  const courseRows = new Map<string, Row>();
  const homeroomCourse = (grade: number) => {
    const id = own('homeroom', grade);
    if (!courseRows.has(id)) {
      courseRows.set(id, {
        sourcedId: id,
        schoolYearSourcedId: yearId,
        title: `Классный час, ${grade} класс`,
        grades: pad2(grade),
        orgSourcedId: orgId,
      });
    }
    return id;
  };
  const subjectCourse = (subjectId: number, subject: string, grade: number | null) => {
    const id = grade === null ? own('subject', subjectId) : own('subject', `${subjectId}-grade-${grade}`);
    if (!courseRows.has(id)) {
      const title = grade === null ? subject : `${subject}, ${grade} класс`;
      const grades = grade === null ? '' : pad2(grade);
      courseRows.set(id, {
        sourcedId: id,
        schoolYearSourcedId: yearId,
        title,
        grades,
        orgSourcedId: orgId,
        subjects: subject,
      });
    }
    return id;
  };

  // classes.csv and enrollments.csv.
  const classIdOf = new Map<number, string>();
  for (const c of data.classes) {
    const id = sid('class', c.id);
    classIdOf.set(c.id, id);
    const title = `${c.grade}${c.letter}`;
    push('classes', {
      sourcedId: id,
      title,
      grades: pad2(c.grade),
      courseSourcedId: homeroomCourse(c.grade),
      classCode: title,
      classType: 'homeroom',
      schoolSourcedId: orgId,
      termSourcedIds: yearId,
    });
    if (c.classTeacherId !== null) {
      push('enrollments', {
        sourcedId: own('classteacher', c.id),
        classSourcedId: id,
        schoolSourcedId: orgId,
        userSourcedId: sid('user', c.classTeacherId),
        role: 'teacher',
        primary: 'true',
      });
    }
  }
  for (const m of data.memberships) {
    const g = groupById.get(m.groupId);
    if (g?.kind !== 'class' || g.classId === null) continue;
    const classSourcedId = classIdOf.get(g.classId);
    if (!classSourcedId) continue;
    push('enrollments', {
      sourcedId: sid('enrollment', m.id),
      classSourcedId,
      schoolSourcedId: orgId,
      userSourcedId: sid('user', m.studentId),
      role: 'student',
      beginDate: m.startsOn,
      endDate: m.endsOn ?? '',
    });
  }
  const courseIdOf = new Map<number, string>();
  const courseGrade = new Map<number, number | null>();
  const firstCourseOfGroup = new Map<number, number>();
  for (const c of data.courses) {
    const g = groupById.get(c.groupId);
    if (!firstCourseOfGroup.has(c.groupId)) firstCourseOfGroup.set(c.groupId, c.id);
    const grade = groupGrade(c.groupId);
    courseGrade.set(c.id, grade);
    const id = sid('course', c.id);
    courseIdOf.set(c.id, id);
    const cls = g?.classId != null ? className(g.classId) : '';
    const title =
      g?.kind === 'class'
        ? `${c.subject} ${cls}`
        : g?.kind === 'subgroup'
          ? `${c.subject} ${cls} (${g.name})`
          : `${c.subject} (${g?.name ?? ''})`;
    push('classes', {
      sourcedId: id,
      title,
      grades: grade === null ? '' : pad2(grade),
      courseSourcedId: subjectCourse(c.subjectId, c.subject, grade),
      classType: 'scheduled',
      schoolSourcedId: orgId,
      termSourcedIds: yearId,
      subjects: c.subject,
      [HOURS_PER_WEEK_COLUMN]: String(c.hoursPerWeek),
    });
    push('enrollments', {
      sourcedId: own('teaching', `${c.id}-${c.teacherId}`),
      classSourcedId: id,
      schoolSourcedId: orgId,
      userSourcedId: sid('user', c.teacherId),
      role: 'teacher',
      primary: 'true',
    });
    if (c.secondTeacherId !== null && c.secondTeacherId !== c.teacherId) {
      push('enrollments', {
        sourcedId: own('teaching', `${c.id}-${c.secondTeacherId}`),
        classSourcedId: id,
        schoolSourcedId: orgId,
        userSourcedId: sid('user', c.secondTeacherId),
        role: 'teacher',
        primary: 'false',
      });
    }
    for (const m of membersOf.get(c.groupId) ?? []) {
      const ownsMembership = g?.kind !== 'class' && firstCourseOfGroup.get(c.groupId) === c.id;
      const sourcedId = ownsMembership
        ? sid('enrollment', m.id)
        : own('membership', `${m.id}-course-${c.id}`);
      push('enrollments', {
        sourcedId,
        classSourcedId: id,
        schoolSourcedId: orgId,
        userSourcedId: sid('user', m.studentId),
        role: 'student',
        beginDate: m.startsOn,
        endDate: m.endsOn ?? '',
      });
    }
  }
  for (const row of courseRows.values()) push('courses', row);

  // users.csv and roles.csv.
  const students = new Set(data.memberships.map((m) => m.studentId));
  const agents = new Map<number, number[]>();
  const link = (a: number, b: number) => agents.set(a, [...(agents.get(a) ?? []), b]);
  const guardianKind = new Map<number, string>();
  const personIds = new Set(people.people.map((p) => p.id));
  for (const g of data.guardianships) {
    if (!students.has(g.studentId) || !personIds.has(g.guardianId)) continue;
    link(g.studentId, g.guardianId);
    link(g.guardianId, g.studentId);
    if (!guardianKind.has(g.guardianId)) guardianKind.set(g.guardianId, g.kind);
  }
  const rolesOf = new Map<number, string[]>();
  const addRole = (personId: number, role: string) => {
    const list = rolesOf.get(personId) ?? [];
    if (!list.includes(role)) list.push(role);
    rolesOf.set(personId, list);
  };
  for (const id of students) addRole(id, 'student');
  for (const [id, kind] of guardianKind) addRole(id, guardianRoles[kind] ?? 'relative');
  for (const r of data.roleRows) {
    const role = staffRoles[r.role];
    if (role) addRole(r.personId, role);
  }
  for (const c of data.courses) {
    addRole(c.teacherId, 'teacher');
    if (c.secondTeacherId !== null) addRole(c.secondTeacherId, 'teacher');
  }
  for (const c of data.classes) if (c.classTeacherId !== null) addRole(c.classTeacherId, 'teacher');
  const login = new Map(people.accounts.map((a) => [a.personId, a.login]));
  const sorted = [...people.people].sort((a, b) =>
    a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id - b.id,
  );
  for (const p of sorted) {
    const userId = sid('user', p.id);
    const grade = studentGrade.get(p.id);
    push('users', {
      sourcedId: userId,
      enabledUser: login.has(p.id) ? 'true' : 'false',
      username: login.get(p.id) ?? userId,
      givenName: p.firstName,
      familyName: p.lastName,
      middleName: p.middleName,
      identifier: students.has(p.id) ? (p.fileNumber ?? '') : '',
      email: p.email ?? '',
      phone: p.phone ?? '',
      agentSourcedIds: (agents.get(p.id) ?? []).map((a) => sid('user', a)).join(','),
      grades: grade === undefined ? '' : pad2(grade),
      primaryOrgSourcedId: orgId,
    });
    (rolesOf.get(p.id) ?? []).forEach((role, i) => {
      push('roles', {
        sourcedId: own('role', `${p.id}-${role}`),
        userSourcedId: userId,
        roleType: i === 0 ? 'primary' : 'secondary',
        role,
        orgSourcedId: orgId,
      });
    });
  }

  // categories.csv, lineItems.csv and results.csv.
  const kindName = new Map<number, string>();
  for (const k of data.workKinds) {
    kindName.set(k.id, k.name);
    push('categories', { sourcedId: sid('workkind', k.id), title: k.name, weight: String(k.weight) });
  }
  const schemeOf = new Map(data.gradeSchemes.map((g) => [g.grade, g.scheme]));
  const termOf = (date: string, grade: number | null | undefined): string => {
    const scheme = grade == null ? undefined : schemeOf.get(grade);
    const t =
      data.terms.find(
        (t) => (scheme === undefined || t.scheme === scheme) && t.startsOn <= date && date <= t.endsOn,
      ) ?? data.terms.find((t) => t.startsOn <= date && date <= t.endsOn);
    return t ? sid('period', t.id) : yearId;
  };
  const lineItems = new Set<string>();
  for (const m of marks) {
    const classSourcedId = courseIdOf.get(m.courseId);
    if (!classSourcedId || !kindName.has(m.workKindId)) continue;
    const lineItemId = own('lineitem', `${m.lessonId}-${m.workKindId}`);
    if (!lineItems.has(lineItemId)) {
      lineItems.add(lineItemId);
      push('lineItems', {
        sourcedId: lineItemId,
        title: `${kindName.get(m.workKindId)} ${ruDate(m.date)}`,
        assignDate: m.date,
        dueDate: m.date,
        classSourcedId,
        categorySourcedId: sid('workkind', m.workKindId),
        academicSessionSourcedId: termOf(m.date, courseGrade.get(m.courseId)),
        resultValueMin: '2',
        resultValueMax: '5',
        schoolSourcedId: orgId,
      });
    }
    const numeric = /^[2-5]$/.test(m.value);
    push('results', {
      sourcedId: own('mark', m.id),
      lineItemSourcedId: lineItemId,
      studentSourcedId: sid('user', m.studentId),
      scoreStatus: 'fully graded',
      score: numeric ? m.value : '',
      scoreDate: m.date,
      comment: m.comment ?? '',
      textScore: numeric ? '' : m.value,
    });
  }
  return toCsvFiles(out);
}

/** Each file's rows as CSV under its standard header (classes with the hours-per-week column), plus the manifest. */
function toCsvFiles(out: Map<OneRosterFile, Row[]>): Map<string, string> {
  const files = new Map<string, string>();
  const manifest: string[][] = [
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
  ];
  for (const name of MANIFEST_FILES) {
    const rows = out.get(name as OneRosterFile);
    manifest.push([`file.${name}`, rows && rows.length > 0 ? 'bulk' : 'absent']);
  }
  manifest.push(['source.systemName', 'Отметка'], ['source.systemCode', 'otmetka']);
  files.set('manifest.csv', writeCsv(['propertyName', 'value'], manifest));
  for (const [file, rows] of out) {
    if (rows.length === 0) continue;
    const header = file === 'classes' ? [...headerOf(file), HOURS_PER_WEEK_COLUMN] : headerOf(file);
    files.set(
      `${file}.csv`,
      writeCsv(
        header,
        rows.map((r) => header.map((h) => r[h] ?? '')),
      ),
    );
  }
  return files;
}
