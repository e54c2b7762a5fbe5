import { z } from 'zod';
import { line } from './fields.ts';

/** A positive integer id in a request body (within the database's integer range). */
export const idField = z.number().int().positive().max(2_147_483_647);
/** A route parameter that is a positive integer id. */
export const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });
/** A route with a student id and a guardian id. */
export const guardianParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  guardianId: z.coerce.number().int().positive().max(2_147_483_647),
});

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

/** How a guardian is related to the student. */
export const guardianKinds = ['mother', 'father', 'guardian', 'other'] as const;
/** Where a person's login stands: none yet, issued (first password unchanged), in use, disabled. */
export const accountStatuses = ['none', 'issued', 'active', 'disabled'] as const;
/** An account status. */
export type AccountStatus = (typeof accountStatuses)[number];
/** Usual health groups and PE groups (the fields take other text too). */
export const healthGroups = ['I', 'II', 'III', 'IV', 'V'] as const;
/** Usual PE groups. */
export const peGroups = ['основная', 'подготовительная', 'специальная'] as const;

/** A calendar date 'YYYY-MM-DD' within 1900–2099 (a birth in year 1 is a typing slip). */
export const dateField = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2099-12-31');
const optionalText = (max: number) => line(0, max).nullable();
const phoneField = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+0-9 ()-]*$/)
  .nullable();
const emailField = z.union([z.email().max(200), z.literal('')]).nullable();

/** A guardian on a student's card; contacts only for those who may see personal data. */
export const guardianItem = z.object({
  id: z.number(),
  name: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  kind: z.enum(guardianKinds),
  phone: z.string().nullable(),
  extraPhone: z.string().nullable(),
  email: z.string().nullable(),
  workplace: z.string().nullable(),
  /** The date of the consent that holds today; null: none (or not shown). */
  consentGivenOn: z.string().nullable(),
  /** The parent withdrew their consent on this date: their contacts are hidden (152-ФЗ). */
  consentWithdrawnOn: z.string().nullable(),
  account: z.enum(accountStatuses).nullable(),
});
/** A guardian as the card shows them. */
export type GuardianItem = z.infer<typeof guardianItem>;

/** The personal file (личное дело): only for those allowed to see personal data. */
export const personalFile = z.object({
  fileNumber: z.string(),
  healthGroup: z.string().nullable(),
  peGroup: z.string().nullable(),
  arrivedOn: z.string().nullable(),
  arrivalOrder: z.string().nullable(),
  departedOn: z.string().nullable(),
  departureOrder: z.string().nullable(),
});

/**
 * `GET /api/students/:id`: the student's card, with what the actor may do with it. A subject
 * teacher gets names only; the student and their parents get contacts but no personal file.
 */
export const studentCard = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  classId: z.number().nullable(),
  className: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(['m', 'f']).nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  file: personalFile.nullable(),
  guardians: z.array(guardianItem),
  /** Whether some guardian's consent holds today; null when not shown. */
  consent: z.boolean().nullable(),
  account: z.enum(accountStatuses).nullable(),
  can: z.object({ edit: z.boolean(), personal: z.boolean() }),
});
/** A student's card. */
export type StudentCard = z.infer<typeof studentCard>;

/** The student's fields the class teacher keeps (personal file included). */
const studentFields = {
  lastName: line(1, 100),
  firstName: line(1, 100),
  middleName: line(0, 100),
  birthDate: dateField.nullable(),
  sex: z.enum(['m', 'f']).nullable(),
  address: optionalText(300),
  phone: phoneField,
  email: emailField,
  fileNumber: line(1, 30),
  healthGroup: optionalText(30),
  peGroup: optionalText(30),
  arrivedOn: dateField.nullable(),
  arrivalOrder: optionalText(50),
};

/** `PATCH`/`POST /api/students/:id`: changes to a student's data; absent fields stay as they are. */
export const studentUpdateBody = z.strictObject(studentFields).partial();

/** `POST /api/students`: a new student in a class. */
export const newStudentBody = z.strictObject({
  classId: idField,
  ...studentFields,
  middleName: line(0, 100).default(''),
  birthDate: dateField.nullable().default(null),
  sex: z.enum(['m', 'f']).nullable().default(null),
  address: optionalText(300).default(null),
  phone: phoneField.default(null),
  email: emailField.default(null),
  healthGroup: optionalText(30).default(null),
  peGroup: optionalText(30).default(null),
  arrivedOn: dateField.nullable().default(null),
  arrivalOrder: optionalText(50).default(null),
});

/** `POST /api/students/:id/departure`: the student leaves the school. */
export const departureBody = z.strictObject({
  departedOn: dateField,
  departureOrder: line(1, 50),
});

const guardianFields = {
  lastName: line(1, 100),
  firstName: line(1, 100),
  middleName: line(0, 100),
  kind: z.enum(guardianKinds),
  phone: phoneField,
  extraPhone: phoneField,
  email: emailField,
  workplace: optionalText(200),
};
/** `POST /api/students/:id/guardians`: a parent added to the student (an existing one of the school is linked). */
export const newGuardianBody = z.strictObject({
  ...guardianFields,
  middleName: line(0, 100).default(''),
  phone: phoneField.default(null),
  extraPhone: phoneField.default(null),
  email: emailField.default(null),
  workplace: optionalText(200).default(null),
});
/** `POST /api/students/:id/guardians/link`: an existing parent of the school linked to this student. */
export const linkGuardianBody = z.strictObject({
  guardianId: idField,
  kind: z.enum(guardianKinds),
});
/** `POST /api/students/:id/guardians/:guardianId`: changes to a guardian; absent fields stay. */
export const guardianUpdateBody = z.strictObject(guardianFields).partial();
/** `POST …/consent`: the consent given on a date. */
export const consentBody = z.strictObject({ givenOn: dateField });
/** `POST …/consent/withdraw`: the consent withdrawn on a date. */
export const withdrawBody = z.strictObject({ withdrawnOn: dateField });

/** Where personal card data was shown: the card, «Мой класс», a printed journal, an export. */
export const cardViewSources = ['card', 'roster', 'print', 'export'] as const;

/**
 * `GET /api/students/:id/views`: who saw the student's data or their parents' contacts, where and
 * when, newest first. `subject`: whose data (the student or one of their parents).
 */
export const cardViews = z.object({
  views: z.array(
    z.object({
      at: z.string(),
      viewer: z.string(),
      subject: z.object({ kind: z.enum(['student', 'guardian']), id: z.number(), name: z.string() }),
      source: z.enum(cardViewSources),
    }),
  ),
});
/** The log of views as the API answers it. */
export type CardViews = z.infer<typeof cardViews>;

/** A student in «Мой класс». */
export const rosterStudent = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  departedOn: z.string().nullable(),
  /** Whether the viewer may open the card (a departed student leaves the class teacher's reach). */
  canOpen: z.boolean(),
  consent: z.boolean(),
  account: z.enum(accountStatuses),
  guardians: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.enum(guardianKinds),
      phone: z.string().nullable(),
      consentGivenOn: z.string().nullable(),
      /** The parent withdrew consent on this date: the phone is hidden. */
      consentWithdrawnOn: z.string().nullable(),
      account: z.enum(accountStatuses),
    }),
  ),
});
/** `GET /api/classes/:id/roster`: «Мой класс» — students with parents, consent and accounts. */
export const classRoster = z.object({
  class: z.object({ id: z.number(), name: z.string(), classTeacher: z.string().nullable() }),
  students: z.array(rosterStudent),
  can: z.object({ edit: z.boolean() }),
});
/** «Мой класс» as the API answers it. */
export type ClassRoster = z.infer<typeof classRoster>;

/** An answer that only says the change was made. */
export const okAnswer = z.object({ ok: z.literal(true) });
/** `POST /api/students`: the new student's id. */
export const createdAnswer = z.object({ id: z.number() });
