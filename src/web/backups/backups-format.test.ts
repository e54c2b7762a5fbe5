import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
import type { TFunction } from '../i18n/use-t.ts';
import { formatAgo, formatKeep, formatMegabytes, formatMoment, formatSchedule } from './backups-format.ts';

const ru: TFunction = (key, params) => translate('ru', key, params);
const en: TFunction = (key, params) => translate('en', key, params);

describe('backups page wording', () => {
  it('writes retention as Russians say it, the singular after 1, 21…', () => {
    expect(formatKeep(ru, 'ru', { daily: 7, weekly: 4, monthly: 12 })).toBe(
      '7 ежедневных, 4 еженедельных, 12 ежемесячных',
    );
    expect(formatKeep(ru, 'ru', { daily: 1, weekly: 21, monthly: 11 })).toBe(
      '1 ежедневная, 21 еженедельная, 11 ежемесячных',
    );
    expect(formatKeep(en, 'en', { daily: 7, weekly: 1, monthly: 12 })).toBe('7 daily, 1 weekly, 12 monthly');
  });

  it('says how long ago in hours, then days', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(formatAgo(ru, '2026-11-29T11:30:00Z', now)).toBe('меньше часа назад');
    expect(formatAgo(ru, '2026-11-29T03:59:00Z', now)).toBe('8 ч назад');
    expect(formatAgo(ru, '2026-11-27T12:00:00Z', now)).toBe('2 дн. назад');
    expect(formatAgo(en, '2026-11-28T10:00:00Z', now)).toBe('26 h ago');
  });

  it('writes a moment as ДД.ММ.ГГГГ ЧЧ:ММ in local time, sizes in MB, the schedule in words', () => {
    const local = new Date(2026, 10, 29, 2, 5);
    expect(formatMoment(local.toISOString())).toBe('29.11.2026 02:05');
    expect(formatMegabytes('ru', 3.5 * 1024 * 1024)).toBe('3,5');
    expect(formatMegabytes('en', 1234 * 1024 * 1024)).toBe('1,234.0');
    expect(formatSchedule(ru, '02:30')).toBe('Копия создаётся каждую ночь в 02:30.');
    expect(formatSchedule(ru, '14:00')).toBe('Копия создаётся каждый день в 14:00.');
  });
});
