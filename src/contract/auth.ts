import { z } from 'zod';
import { actions } from '../domain/abilities.ts';
import { roles } from '../domain/roles.ts';
import { line, secret } from './fields.ts';

/** Logins: Latin letters, digits, dot, dash and underscore. */
export const loginField = line(1, 64).regex(/^[a-zA-Z0-9._-]+$/);
/** Passwords: at least 8 characters for new ones; any length up to 200 is accepted at login. */
export const newPasswordField = secret(8, 200);

/** `POST /api/auth/login` body. */
export const loginBody = z.strictObject({ login: line(1, 64), password: secret(1, 200) });
/** `POST /api/auth/unlock` body: the locked session's own password. */
export const unlockBody = z.strictObject({ password: secret(1, 200) });
/** `POST /api/auth/change-password` body. */
export const changePasswordBody = z.strictObject({
  currentPassword: secret(1, 200),
  newPassword: newPasswordField,
});

const personName = line(1, 100);
/** `POST /api/setup` body: the first school and its administrator. */
export const setupBody = z.strictObject({
  schoolName: line(3, 300),
  schoolShortName: line(1, 100),
  lastName: personName,
  firstName: personName,
  middleName: line(0, 100).default(''),
  login: loginField,
  password: newPasswordField,
});

/** `GET /api/setup` answer: whether the first-run setup is still to be done. */
export const setupStatus = z.object({ needed: z.boolean() });

/** A school the actor belongs to. */
export const schoolRef = z.object({ id: z.number(), name: z.string(), shortName: z.string() });

/** `GET /api/me`: who is signed in, what they may do, and the CSRF token for writes. */
export const meResponse = z.object({
  person: z.object({
    id: z.number(),
    lastName: z.string(),
    firstName: z.string(),
    middleName: z.string(),
  }),
  login: z.string(),
  roles: z.array(z.enum(roles)),
  schools: z.array(schoolRef),
  district: z.object({ id: z.number(), name: z.string() }).nullable(),
  abilities: z.array(z.enum(actions)),
  classTeacherOf: z.array(z.object({ id: z.number(), name: z.string() })),
  children: z.array(z.object({ id: z.number(), name: z.string(), className: z.string().nullable() })),
  mustChangePassword: z.boolean(),
  idleTimeoutMinutes: z.number(),
  /** Locked: only the name, the login and the CSRF token are filled, for the lock screen. */
  locked: z.boolean(),
  csrfToken: z.string(),
});
/** The signed-in actor as the web app sees it. */
export type Me = z.infer<typeof meResponse>;

/** One backup destination as `/api/health` shows it: public, so only the directory's last segment. */
export const healthBackup = z.object({
  destination: z.string(),
  lastGoodAt: z.string().nullable(),
  /** No good copy there, or the newest is older than 26 hours. */
  stale: z.boolean(),
});

/** `GET /api/health`: the server is alive, its database answers, and how its backups stand. */
export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  backupsConfigured: z.boolean(),
  backups: z.array(healthBackup),
  /** Present when a read replica (DATABASE_READ_URL) is set: whether it answers. */
  replica: z.enum(['reachable', 'unreachable']).optional(),
});

/** An empty success answer. */
export const okResponse = z.object({ ok: z.literal(true) });
