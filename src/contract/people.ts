import { z } from 'zod';

/** A route parameter that is a positive integer id. */
export const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** A class as lists show it. */
export const classItem = z.object({
  id: z.number(),
  name: z.string(),
  grade: z.number(),
  letter: z.string(),
  classTeacher: z.string().nullable(),
});
/** `GET /api/classes`. */
export const classList = z.object({ classes: z.array(classItem) });

/** A student as a class list shows them (Russian alphabetical order). */
export const studentItem = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
});
/** `GET /api/classes/:id/students`. */
export const studentList = z.object({ students: z.array(studentItem) });

/** A guardian on a student's card. */
export const guardianItem = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['mother', 'father', 'guardian', 'other']),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** `GET /api/students/:id`: the student's card, with what the actor may do with it. */
export const studentCard = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  className: z.string().nullable(),
  guardians: z.array(guardianItem),
  can: z.object({ edit: z.boolean() }),
});
/** A student's card. */
export type StudentCard = z.infer<typeof studentCard>;

/** `PATCH /api/students/:id`: contact data the class teacher keeps current. */
export const studentContactsBody = z
  .strictObject({
    phone: z
      .string()
      .trim()
      .max(30)
      .regex(/^[+0-9 ()-]*$/)
      .nullable(),
    email: z.union([z.email().max(200), z.literal('')]).nullable(),
  })
  .partial();
