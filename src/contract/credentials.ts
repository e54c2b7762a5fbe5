import { z } from 'zod';
import { roles } from '../domain/roles.ts';

/** The state of a person's account: none, issued but never used, in use, or switched off. */
export const accountStatus = z.enum(['none', 'issued', 'active', 'disabled']);
/** One account state. */
export type AccountStatus = z.infer<typeof accountStatus>;

/** A person's account as the credentials lists show it (no password, ever). */
export const accountSummary = z.object({
  status: accountStatus,
  login: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});

/** A person one may issue credentials for. */
export const credentialPerson = z.object({
  personId: z.number(),
  name: z.string(),
  account: accountSummary,
  /** Whether the actor may issue, reissue, switch off or on this person's account. */
  canManage: z.boolean(),
});

/** A student of the class, with whether a parent has consented to data processing (152-ФЗ). */
export const credentialStudent = credentialPerson.extend({ consent: z.boolean() });
/** A parent of the class's students: whose parent and how related. */
export const credentialParent = credentialPerson.extend({
  children: z.array(
    z.object({
      studentId: z.number(),
      name: z.string(),
      kind: z.enum(['mother', 'father', 'guardian', 'other']),
    }),
  ),
});
/** A member of staff with their roles. */
export const credentialStaff = credentialPerson.extend({ roles: z.array(z.enum(roles)) });

/** `GET /api/credentials/classes/:id`: a class's students and parents with their accounts. */
export const classCredentials = z.object({
  classId: z.number(),
  className: z.string(),
  students: z.array(credentialStudent),
  parents: z.array(credentialParent),
});
/** A class's credentials list. */
export type ClassCredentials = z.infer<typeof classCredentials>;

/** `GET /api/credentials/staff`: the school's staff with their accounts. */
export const staffCredentials = z.object({ staff: z.array(credentialStaff) });
/** The staff credentials list. */
export type StaffCredentials = z.infer<typeof staffCredentials>;

const isPersonId = (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 2_147_483_647;

/**
 * `POST /api/credentials/issue`: issue or reissue credentials for these people; the answer is one
 * PDF of slips. A switched-off account is switched on again only with `reactivate: true`; otherwise
 * it is skipped and reported.
 */
export const issueBody = z.strictObject({
  // Checked as a whole, so that a bad id is reported against «personIds», not «personIds.3».
  personIds: z
    .array(z.unknown())
    .min(1)
    .max(500)
    .refine((ids): ids is number[] => ids.every(isPersonId)),
  reactivate: z.boolean().default(false),
});
/** The issue request. */
export type IssueBody = z.input<typeof issueBody>;

/** Why a person of the batch got no slip. */
export const skipReason = z.enum(['noConsent', 'disabled']);
/** A skip reason. */
export type SkipReason = z.infer<typeof skipReason>;

/** Response header listing who was skipped and why: `12=noConsent,15=disabled`. */
export const skippedHeader = 'x-credentials-skipped';
/** Response header with the number of slips in the PDF. */
export const issuedHeader = 'x-credentials-issued';

/** `POST /api/credentials/accounts/:id/disable` and `/enable` answer: the account afterwards. */
export const accountChanged = z.object({ personId: z.number(), account: accountSummary });

/** Reads the skipped header back into person ids and reasons (unknown entries are ignored). */
export function parseSkipped(header: string | null | undefined): { personId: number; reason: SkipReason }[] {
  return (header ?? '')
    .split(',')
    .map((part) => part.trim().split('='))
    .flatMap(([id, reason]) => {
      const parsed = skipReason.safeParse(reason);
      const personId = Number(id);
      return parsed.success && Number.isInteger(personId) && personId > 0
        ? [{ personId, reason: parsed.data }]
        : [];
    });
}
