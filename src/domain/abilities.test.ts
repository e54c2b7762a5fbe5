import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abilitiesOf, actions, capabilities, scopesFor } from './abilities.ts';
import { type Role, roles } from './roles.ts';

const someRoles = fc.subarray([...roles]);

describe('the capability map', () => {
  it('never lets a student or a parent into the journal or the school’s administration', () => {
    for (const role of ['student', 'parent'] as const) {
      const granted = abilitiesOf([role]);
      expect(
        granted.filter((a) => a.startsWith('journal.') || a.startsWith('staff.') || a.startsWith('school.')),
      ).toEqual([]);
    }
  });

  it('gives families only relationship scopes, never a whole school', () => {
    for (const role of ['student', 'parent'] as const) {
      for (const action of actions) expect(scopesFor([role], action)).not.toContain('school');
    }
  });

  it('lets only the administrator manage staff and settings', () => {
    const managers = roles.filter((r) => abilitiesOf([r]).includes('staff.manage'));
    expect(managers).toEqual(['admin']);
  });

  it('adds up: holding more roles never takes an ability away', () => {
    fc.assert(
      fc.property(someRoles, someRoles, (a, b) => {
        const both = abilitiesOf([...a, ...b] as Role[]);
        for (const x of abilitiesOf(a as Role[])) expect(both).toContain(x);
        for (const x of abilitiesOf(b as Role[])) expect(both).toContain(x);
      }),
    );
  });

  it('grants every ability through at least one scope and mentions only known actions', () => {
    for (const role of roles) {
      for (const [action, scopes] of Object.entries(capabilities[role])) {
        expect(actions).toContain(action);
        expect((scopes as readonly string[]).length).toBeGreaterThan(0);
      }
    }
  });
});
