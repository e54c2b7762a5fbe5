import { z } from 'zod';
import { meResponse } from './auth.ts';
import { line, secret } from './fields.ts';

/** The school's two-factor setting: nobody, staff who want it, or also required of the administration. */
export const twoFactorModes = ['off', 'optional', 'required'] as const;
/** One of `twoFactorModes`. */
export type TwoFactorMode = (typeof twoFactorModes)[number];

/** A six-digit code from the authenticator app (a space in the middle is forgiven). */
export const totpCodeField = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/)
  .transform((s) => s.replace(' ', ''));
/** A one-time recovery code as printed (`xxxxx-xxxxx`); case and dashes are forgiven. */
export const recoveryCodeField = line(1, 40);

/** A secret to enroll: the base32 text for manual entry and the otpauth:// URI the QR code holds. */
export const twoFactorEnrollment = z.object({ secret: z.string(), uri: z.string() });

/** `GET /api/two-factor`: where the actor stands. */
export const twoFactorStatus = z.object({
  mode: z.enum(twoFactorModes),
  /** The school requires it of this account (administrator or director under «required»). */
  required: z.boolean(),
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number(),
});

/** `POST /api/two-factor/begin` body: the password again (someone at an unlocked computer cannot add their own phone). */
export const twoFactorBeginBody = z.strictObject({ password: secret(1, 200) });
/** `POST /api/two-factor/confirm` body. */
export const twoFactorConfirmBody = z.strictObject({ code: totpCodeField });
/** `POST /api/two-factor/disable` body: the password and a current code. */
export const twoFactorDisableBody = z.strictObject({ password: secret(1, 200), code: totpCodeField });
/** The recovery codes, shown once. */
export const recoveryCodesAnswer = z.object({ recoveryCodes: z.array(z.string()) });

/** `POST /api/auth/login` when a second step is due: no session yet, only a 5-minute pending cookie. */
export const loginSecondStep = z.object({
  twoFactor: z.enum(['code', 'enroll']),
  /** With `enroll`: the secret to add to the app now. */
  enrollment: twoFactorEnrollment.optional(),
});
/** `POST /api/auth/login` answer: signed in, or a second step to take. */
export const loginAnswer = z.union([meResponse, loginSecondStep]);
/** What `POST /api/auth/login` answers. */
export type LoginAnswer = z.infer<typeof loginAnswer>;

/** `POST /api/auth/login/code` body: a code from the app, or one of the recovery codes. */
export const loginCodeBody = z.strictObject({
  code: totpCodeField.optional(),
  recoveryCode: recoveryCodeField.optional(),
});
/** `POST /api/auth/login/code` answer: signed in; after enrolling, also the recovery codes (shown once). */
export const loginCodeAnswer = meResponse.extend({ recoveryCodes: z.array(z.string()).optional() });
