import { describe, expect, it } from 'vitest';
import { abilitiesOf, actions, scopesFor } from './abilities.ts';
import { roles } from './roles.ts';

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
});
