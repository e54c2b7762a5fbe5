import type { Faker } from '@faker-js/faker';
import type { Role } from '../../domain/roles.ts';
import { curriculum, type Department, departmentIn, fullLoad, hoursIn } from './curriculum.ts';
import type { PeopleBuilder } from './people.ts';
import type { PlannedClass, PlannedCourse } from './plan.ts';

/** The groups a class is taught in: the whole class and, from grade 2, two language subgroups. */
export interface ClassGroups {
  whole: number;
  subgroups: number[];
}

/** Share of women among the teachers of a department, as Russian schools staff them. */
const womenShare: Record<Department, number> = {
  primary: 0.97,
  russian: 0.95,
  math: 0.8,
  english: 0.9,
  informatics: 0.5,
  history: 0.7,
  geography: 0.7,
  biology: 0.85,
  chemistry: 0.8,
  physics: 0.5,
  music: 0.8,
  art: 0.5,
  pe: 0.35,
  safety: 0.1,
  deputy: 0.7,
};

/** Adds a staff member born 23–64 years before the year starts (or in the given age range). */
export function addStaff(
  people: PeopleBuilder,
  faker: Faker,
  startYear: number,
  roles: Role[],
  women: number,
  ages: [number, number] = [23, 64],
): number {
  const sex = faker.datatype.boolean(women) ? 'f' : 'm';
  return people.add({
    sex,
    generation: 'adult',
    born: [`${startYear - ages[1]}-01-01`, `${startYear - ages[0]}-12-31`],
    roles,
  });
}

/** Subject departments in the order staff lists show them. */
const departmentOrder: Department[] = [
  'russian',
  'math',
  'english',
  'history',
  'geography',
  'biology',
  'chemistry',
  'physics',
  'informatics',
  'art',
  'music',
  'pe',
  'safety',
];

interface Need {
  department: Department;
  subject: string;
  group: number;
  classIndex: number;
  subgroup: number;
  hours: number;
}

/**
 * Plans who teaches what: a primary teacher per class of grades 1–4 (also its class teacher),
 * enough subject teachers per department for about a full load each, each taking a run of
 * consecutive classes (so a mathematician teaches, say, 5А–6Б), and a class teacher for every
 * class of grades 5–11 from among the teachers of that class. Returns the courses and the
 * first mathematician, who is class teacher of the first class of grade 5.
 */
export function planTeaching(
  people: PeopleBuilder,
  faker: Faker,
  startYear: number,
  classes: PlannedClass[],
  groups: ClassGroups[],
  deputy: number,
): { courses: PlannedCourse[]; firstMathematician: number } {
  const needs: Need[] = [];
  classes.forEach((cls, classIndex) => {
    const classGroups = groups[classIndex];
    if (!classGroups) return;
    for (const subject of curriculum) {
      const hours = hoursIn(subject, cls.grade);
      if (hours === 0) continue;
      const department = departmentIn(subject, cls.grade);
      const targets =
        subject.split && classGroups.subgroups.length > 0 ? classGroups.subgroups : [classGroups.whole];
      targets.forEach((group, i) => {
        needs.push({ department, subject: subject.name, group, classIndex, subgroup: i, hours });
      });
    }
  });

  const teacherOf = new Map<Need, number>();
  classes.forEach((cls, classIndex) => {
    if (cls.grade > 4) return;
    const teacher = addStaff(people, faker, startYear, ['teacher'], womenShare.primary);
    cls.classTeacher = teacher;
    for (const need of needs)
      if (need.classIndex === classIndex && need.department === 'primary') teacherOf.set(need, teacher);
  });
  for (const need of needs) if (need.department === 'deputy') teacherOf.set(need, deputy);

  const departments = departmentOrder.filter((d) => needs.some((n) => n.department === d));
  const subjectTeachers: number[] = [];
  let firstMathematician = -1;
  for (const department of departments) {
    // Subgroup 1 of every class first: the two subgroups of a class then usually get different teachers.
    const own = needs
      .filter((n) => n.department === department)
      .sort((a, b) => a.subgroup - b.subgroup || a.classIndex - b.classIndex);
    const units = new Map<number, Need[]>();
    for (const need of own) units.set(need.group, [...(units.get(need.group) ?? []), need]);
    const total = own.reduce((sum, n) => sum + n.hours, 0);
    const count = Math.max(1, Math.round(total / fullLoad));
    const teachers = Array.from({ length: count }, () =>
      addStaff(people, faker, startYear, ['teacher'], womenShare[department]),
    );
    subjectTeachers.push(...teachers);
    if (department === 'math') firstMathematician = teachers[0] ?? -1;
    let done = 0;
    for (const unit of units.values()) {
      const hours = unit.reduce((sum, n) => sum + n.hours, 0);
      const teacher = teachers[Math.min(count - 1, Math.floor(((done + hours / 2) * count) / total))] ?? -1;
      for (const need of unit) teacherOf.set(need, teacher);
      done += hours;
    }
  }

  const courses = needs.map((n) => ({
    subject: n.subject,
    group: n.group,
    teacher: teacherOf.get(n) ?? -1,
    hours: n.hours,
  }));
  assignClassTeachers(classes, needs, teacherOf, subjectTeachers, firstMathematician);
  return { courses, firstMathematician };
}

function assignClassTeachers(
  classes: PlannedClass[],
  needs: Need[],
  teacherOf: Map<Need, number>,
  subjectTeachers: number[],
  firstMathematician: number,
): void {
  const busy = new Set<number>();
  const firstOfGrade5 = classes.findIndex((c) => c.grade === 5);
  const order = classes.map((_, i) => i).filter((i) => (classes[i]?.grade ?? 0) > 4);
  for (const classIndex of [firstOfGrade5, ...order.filter((i) => i !== firstOfGrade5)]) {
    const cls = classes[classIndex];
    if (!cls) continue;
    const hours = new Map<number, number>();
    for (const n of needs) {
      const teacher = teacherOf.get(n);
      if (n.classIndex === classIndex && teacher !== undefined)
        hours.set(teacher, (hours.get(teacher) ?? 0) + n.hours);
    }
    // The class teacher is usually the one who sees the class most: its Russian or maths teacher.
    const candidates = classIndex === firstOfGrade5 ? [firstMathematician] : subjectTeachers;
    const pick =
      candidates
        .filter((t) => !busy.has(t) && hours.has(t))
        .sort((a, b) => (hours.get(b) ?? 0) - (hours.get(a) ?? 0))[0] ??
      subjectTeachers.find((t) => !busy.has(t));
    if (pick === undefined) continue;
    busy.add(pick);
    cls.classTeacher = pick;
  }
}
