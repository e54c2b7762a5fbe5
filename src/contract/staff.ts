import { z } from 'zod';
import { line } from './fields.ts';
import { accountStatuses } from './people.ts';

/** The roles the administrator gives to staff. */
export const staffRoles = ['admin', 'director', 'deputy', 'teacher'] as const;
/** A staff role. */
export type StaffRole = (typeof staffRoles)[number];

/** A staff member as «Люди и доступы» lists them. */
export const staffItem = z.object({
  id: z.number(),
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string(),
  roles: z.array(z.enum(staffRoles)),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  login: z.string().nullable(),
  account: z.enum(accountStatuses),
  archived: z.boolean(),
});
/** A staff member. */
export type StaffItem = z.infer<typeof staffItem>;
/** `GET /api/staff`: the school's staff in Russian order, archived ones last. */
export const staffList = z.object({ staff: z.array(staffItem) });

const roleList = z.array(z.enum(staffRoles)).max(staffRoles.length);
const phoneField = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+0-9 ()-]*$/)
  .nullable();
const emailField = z.union([z.email().max(200), z.literal('')]).nullable();

/** `POST /api/staff`: a new staff member with roles (the login comes from «Выдача доступов»). */
export const newStaffBody = z.strictObject({
  lastName: line(1, 100),
  firstName: line(1, 100),
  middleName: line(0, 100).default(''),
  roles: roleList,
  phone: phoneField.default(null),
  email: emailField.default(null),
});
/** `POST /api/staff/:id`: changes to a staff member; roles given replace the current ones. */
export const staffUpdateBody = z
  .strictObject({
    lastName: line(1, 100),
    firstName: line(1, 100),
    middleName: line(0, 100),
    roles: roleList,
    phone: phoneField,
    email: emailField,
  })
  .partial();
