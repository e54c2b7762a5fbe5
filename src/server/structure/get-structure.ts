import type { StructureOverview } from '../../contract/structure.ts';
import type { Ctx } from '../access/actor.ts';
import { reachOf } from '../access/scopes.ts';
import {
  classesOfYear,
  coursesOfYear,
  currentYear,
  groupsOfYear,
  subjectsOf,
  teachersOf,
} from './catalog.queries.ts';
import { fullName } from './groups.queries.ts';
import { viewedSchool } from './structure.policy.ts';

/**
 * The structure page: the current year's classes, subjects, groups and courses, and the teachers,
 * of the actor's school or (for the district) of a school of their district.
 */
export async function getStructure(ctx: Ctx, askedSchoolId?: number): Promise<StructureOverview> {
  const schoolId = await viewedSchool(ctx, askedSchoolId);
  const manage = reachOf(ctx.actor, 'structure.manage').schoolIds.includes(schoolId);
  const year = await currentYear(ctx.db, schoolId);
  const [classes, subjects, groups, courses, teachers] = await Promise.all([
    year ? classesOfYear(ctx.db, schoolId, year.id) : [],
    subjectsOf(ctx.db, schoolId),
    year ? groupsOfYear(ctx.db, schoolId, year.id) : [],
    year ? coursesOfYear(ctx.db, schoolId, year.id) : [],
    teachersOf(ctx.db, schoolId),
  ]);
  return {
    academicYear: year ? { id: year.id, name: year.name } : null,
    classes: classes.map((c) => ({
      id: c.id,
      name: `${c.grade}${c.letter}`,
      grade: c.grade,
      letter: c.letter,
      academicYearId: c.academicYearId,
      classTeacherId: c.classTeacherId,
      classTeacher: c.lastName === null ? null : fullName(c.lastName, c.firstName ?? '', c.middleName ?? ''),
      daysPerWeek: c.daysPerWeek,
      studentCount: Number(c.studentCount ?? 0),
      archived: c.archivedAt !== null,
    })),
    subjects: subjects.map((s) => ({
      id: s.id,
      name: s.name,
      shortName: s.shortName,
      sortOrder: s.sortOrder,
      archived: s.archivedAt !== null,
    })),
    groups,
    courses: courses.map((c) => ({
      id: c.id,
      subjectId: c.subjectId,
      subject: c.subject,
      groupId: c.groupId,
      group: c.group,
      classId: c.classId,
      teacherId: c.teacherId,
      teacher: fullName(c.lastName, c.firstName, c.middleName),
      secondTeacherId: c.secondTeacherId,
      secondTeacher:
        c.lastName2 === null ? null : fullName(c.lastName2, c.firstName2 ?? '', c.middleName2 ?? ''),
      hoursPerWeek: Number(c.hoursPerWeek),
      archived: c.archivedAt !== null,
    })),
    teachers: teachers.map((t) => ({ id: t.id, name: fullName(t.lastName, t.firstName, t.middleName) })),
    can: { manage },
  };
}
