import { describe, expect, it } from 'vitest';
import { changesDiary } from './record-audit.ts';

describe('which audited actions make cached diaries stale', () => {
  it('counts journal changes and leaves out remarks, messages and sign-ins', () => {
    expect(changesDiary('journal.mark.set')).toBe(true);
    expect(changesDiary('lesson.updated')).toBe(true);
    for (const action of ['remark.created', 'remark.closed', 'messages.sent', 'auth.login', 'notify.sent'])
      expect(changesDiary(action), action).toBe(false);
  });
});
