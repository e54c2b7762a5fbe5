import { z } from 'zod';
import { line } from './fields.ts';

const id = z.number().int().positive().max(2_147_483_647);
const isoDate = z.iso.date();

/** Grade level 1–11. */
export const gradeField = z.number().int().min(1).max(11);
/** A class letter: one Cyrillic capital letter («А»). */
export const letterField = z
  .string()
  .trim()
  .regex(/^[А-ЯЁ]$/);

/** `POST /api/structure/classes` and `POST /api/structure/classes/:id`: a class. */
export const classBody = z.strictObject({
  grade: gradeField,
  letter: letterField,
  classTeacherId: id.nullable(),
  daysPerWeek: z.union([z.literal(5), z.literal(6)]),
});

/** `POST /api/structure/subjects[/:id]`: a subject. */
export const subjectBody = z.strictObject({
  subjectName: line(1, 100),
  shortName: line(1, 20),
  sortOrder: z.number().int().min(0).max(1000),
});

/** `POST /api/structure/courses[/:id]`: a course (the teaching load). */
export const courseBody = z.strictObject({
  subjectId: id,
  groupId: id,
  teacherId: id,
  secondTeacherId: id.nullable(),
  hoursPerWeek: z.number().min(0.5).max(40),
});

/** One subgroup of a split: its name, teacher, hours and first members. */
export const subgroupInput = z.strictObject({
  name: line(1, 60),
  teacherId: id,
  hoursPerWeek: z.number().min(0.5).max(40),
  studentIds: z.array(id).max(60),
});

/** `POST /api/classes/:id/subgroups`: split a class into subgroups for a subject. */
export const subgroupsBody = z.strictObject({
  subjectId: id,
  startsOn: isoDate.optional(),
  groups: z.array(subgroupInput).min(2).max(4),
});

/** `POST /api/structure/cross-groups`: an elective or profile group with members from several classes. */
export const crossGroupBody = z.strictObject({
  groupName: line(1, 60),
  subjectId: id,
  teacherId: id,
  hoursPerWeek: z.number().min(0.5).max(40),
  studentIds: z.array(id).max(200),
  startsOn: isoDate.optional(),
});

/** `POST /api/groups/:id/moves`: move a student from this group to another from a date. */
export const moveBody = z.strictObject({
  studentId: id,
  toGroupId: id,
  moveDate: isoDate,
});

/** An answer carrying the id of what was created. */
export const createdResponse = z.object({ id: z.number() });
/** An answer carrying the ids of the groups created. */
export const groupsCreatedResponse = z.object({ groupIds: z.array(z.number()) });

/** A person to pick (teachers in selects). */
export const personOption = z.object({ id: z.number(), name: z.string() });

/** A class as the structure page shows it. */
export const structureClass = z.object({
  id: z.number(),
  name: z.string(),
  grade: z.number(),
  letter: z.string(),
  academicYearId: z.number(),
  classTeacherId: z.number().nullable(),
  classTeacher: z.string().nullable(),
  daysPerWeek: z.number(),
  studentCount: z.number(),
  archived: z.boolean(),
});

/** A subject as the structure page shows it. */
export const structureSubject = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  sortOrder: z.number(),
  archived: z.boolean(),
});

/** A group a course can be taught to. */
export const structureGroup = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['class', 'subgroup', 'cross']),
  classId: z.number().nullable(),
  subjectId: z.number().nullable(),
});

/** A course as the structure page shows it. */
export const structureCourse = z.object({
  id: z.number(),
  subjectId: z.number(),
  subject: z.string(),
  groupId: z.number(),
  group: z.string(),
  classId: z.number().nullable(),
  teacherId: z.number(),
  teacher: z.string(),
  secondTeacherId: z.number().nullable(),
  secondTeacher: z.string().nullable(),
  hoursPerWeek: z.number(),
  archived: z.boolean(),
});

/** `GET /api/structure`: the school's classes, subjects, courses and teachers of the current year. */
export const structureOverview = z.object({
  academicYear: z.object({ id: z.number(), name: z.string() }).nullable(),
  classes: z.array(structureClass),
  subjects: z.array(structureSubject),
  groups: z.array(structureGroup),
  courses: z.array(structureCourse),
  teachers: z.array(personOption),
  can: z.object({ manage: z.boolean() }),
});
/** The structure page's data. */
export type StructureOverview = z.infer<typeof structureOverview>;

/** A subgroup with its teachers and today's (or the chosen date's) members. */
export const subgroupView = z.object({
  id: z.number(),
  name: z.string(),
  teachers: z.array(z.string()),
  members: z.array(personOption),
});

/** `GET /api/classes/:id/subgroups`: the subgroups of a class by subject, as of a date. */
export const classSubgroups = z.object({
  class: z.object({ id: z.number(), name: z.string() }),
  on: z.string(),
  subjects: z.array(z.object({ subjectId: z.number(), subject: z.string(), groups: z.array(subgroupView) })),
  students: z.array(personOption),
  subjectOptions: z.array(personOption),
  teachers: z.array(personOption),
});
/** The subgroups page's data. */
export type ClassSubgroups = z.infer<typeof classSubgroups>;

/** `?schoolId=` of the structure overview (a district's schools). */
export const schoolQuery = z.strictObject({
  schoolId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** Groups of one subject with their members. */
export const subjectGroups = z.object({
  subjectId: z.number(),
  subject: z.string(),
  groups: z.array(subgroupView),
});

/** `GET /api/structure/cross-groups`: the cross-class groups by subject, members on a date. */
export const crossGroupList = z.object({ on: z.string(), subjects: z.array(subjectGroups) });
/** The cross-class groups page's data. */
export type CrossGroupList = z.infer<typeof crossGroupList>;

/** `?on=YYYY-MM-DD` of the subgroups page. */
export const onQuery = z.strictObject({ on: isoDate.optional() });
