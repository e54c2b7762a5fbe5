import { z } from 'zod';
import { loginField } from './auth.ts';
import { line } from './fields.ts';

/** A school of the district as the list shows it. */
export const districtSchoolItem = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string(),
  classes: z.number(),
  students: z.number(),
});
/** `GET /api/district/schools`: the district's schools and whether the actor may add one. */
export const districtSchoolList = z.object({
  district: z.object({ id: z.number(), name: z.string() }),
  schools: z.array(districtSchoolItem),
  can: z.object({ create: z.boolean() }),
});

/** `POST /api/district/schools`: a new school and its first administrator. */
export const newSchoolBody = z.strictObject({
  schoolName: line(3, 300),
  schoolShortName: line(1, 100),
  lastName: line(1, 100),
  firstName: line(1, 100),
  middleName: line(0, 100).default(''),
  login: loginField,
});

/** The answer to creating a school: the one-time password is shown only here, once. */
export const newSchoolResult = z.object({
  school: z.object({ id: z.number(), name: z.string(), shortName: z.string() }),
  admin: z.object({ name: z.string(), login: z.string(), password: z.string() }),
});
/** What the district page shows after creating a school. */
export type NewSchoolResult = z.infer<typeof newSchoolResult>;

/** `GET /api/district/schools/:id?yearId=`: the optional year to show. */
export const schoolStructureQuery = z.strictObject({
  yearId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** `GET /api/district/schools/:id`: a school's structure, read-only, for one academic year. */
export const schoolStructure = z.object({
  school: z.object({ id: z.number(), name: z.string(), shortName: z.string() }),
  years: z.array(z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string() })),
  year: z
    .object({
      id: z.number(),
      name: z.string(),
      periods: z.array(
        z.object({ scheme: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
      ),
      schemes: z.array(z.object({ grade: z.number(), scheme: z.string() })),
    })
    .nullable(),
  classes: z.array(
    z.object({ id: z.number(), name: z.string(), classTeacher: z.string().nullable(), students: z.number() }),
  ),
  subjects: z.array(z.object({ id: z.number(), name: z.string() })),
  courses: z.array(
    z.object({
      id: z.number(),
      subject: z.string(),
      group: z.string(),
      teacher: z.string(),
      secondTeacher: z.string().nullable(),
      hoursPerWeek: z.number(),
    }),
  ),
});
/** A school's structure as the district sees it. */
export type SchoolStructure = z.infer<typeof schoolStructure>;
