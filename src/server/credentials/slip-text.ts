import type { Role } from '../../domain/roles.ts';
import type { GuardianKind } from '../db/schema.ts';
import type { Lang } from '../http/messages.ts';

/** The words printed on credential slips, in Russian and English. */
export const slipText = {
  ru: {
    title: 'Доступ к электронному журналу «Отметка»',
    login: 'Логин',
    password: 'Временный пароль',
    address: 'Адрес',
    instructions:
      'Откройте адрес, введите логин и временный пароль, придумайте свой пароль (не короче 8 символов). Временный пароль действует до первого входа.',
    staff: 'Сотрудник',
    student: 'Обучающийся',
    parent: 'Родитель',
    roles: {
      admin: 'администратор',
      director: 'директор',
      deputy: 'заместитель директора',
      teacher: 'учитель',
      district: 'управление образования',
      parent: 'родитель',
      student: 'обучающийся',
    } satisfies Record<Role, string>,
    kinds: {
      mother: 'мать',
      father: 'отец',
      guardian: 'опекун',
      other: 'законный представитель',
    } satisfies Record<GuardianKind, string>,
  },
  en: {
    title: 'Access to the Otmetka school register',
    login: 'Login',
    password: 'One-time password',
    address: 'Address',
    instructions:
      'Open the address, enter the login and the one-time password, then choose your own password (at least 8 characters). The one-time password works until the first login.',
    staff: 'Staff',
    student: 'Student',
    parent: 'Parent',
    roles: {
      admin: 'administrator',
      director: 'head teacher',
      deputy: 'deputy head',
      teacher: 'teacher',
      district: 'education department',
      parent: 'parent',
      student: 'student',
    } satisfies Record<Role, string>,
    kinds: {
      mother: 'mother',
      father: 'father',
      guardian: 'guardian',
      other: 'legal representative',
    } satisfies Record<GuardianKind, string>,
  },
} as const;

/** What a person is to the school, for the slip's role line. */
export interface SlipRoles {
  staffRoles: Role[];
  /** The student's class, when the person is a student («5А»); '' for a student in no class today. */
  studentClass: string | null;
  children: { name: string; className: string | null; kind: GuardianKind }[];
}

/**
 * The role line of a slip: «Родитель — мать: Иванов Пётр (5А)», «Обучающийся, 5А»,
 * «Сотрудник: учитель, заместитель директора».
 */
export function roleLine(lang: Lang, who: SlipRoles): string {
  const t = slipText[lang];
  const parts: string[] = [];
  if (who.staffRoles.length) parts.push(`${t.staff}: ${who.staffRoles.map((r) => t.roles[r]).join(', ')}`);
  if (who.studentClass !== null)
    parts.push(who.studentClass ? `${t.student}, ${who.studentClass}` : t.student);
  if (who.children.length) {
    const children = who.children.map(
      (c) => `${t.kinds[c.kind]}: ${c.name}${c.className ? ` (${c.className})` : ''}`,
    );
    parts.push(`${t.parent} — ${children.join('; ')}`);
  }
  return parts.join('. ');
}
