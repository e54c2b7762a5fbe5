/** Roles a person can hold (DESIGN.md §1). A class teacher is a teacher with a relationship. */
export const roles = ['admin', 'director', 'deputy', 'teacher', 'parent', 'student', 'district'] as const;
/** One of the roles. */
export type Role = (typeof roles)[number];

/** Roles of school staff: their sessions use the staff idle timeout. */
export const staffRoles: readonly Role[] = ['admin', 'director', 'deputy', 'teacher', 'district'];

/** Whether the role is a staff role. */
export function isStaffRole(role: Role): boolean {
  return staffRoles.includes(role);
}

/** The order home pages and menus list roles in. */
export function primaryRole(held: readonly Role[]): Role | undefined {
  return roles.find((r) => held.includes(r));
}
