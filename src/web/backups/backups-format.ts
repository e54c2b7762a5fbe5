import { formatDate } from '../i18n/format-date.ts';
import type { Language } from '../i18n/translate.ts';
import type { TFunction } from '../i18n/use-t.ts';

/** A moment as ДД.ММ.ГГГГ ЧЧ:ММ in the reader's local time. */
export function formatMoment(iso: string): string {
  const at = new Date(iso);
  const hh = String(at.getHours()).padStart(2, '0');
  const mm = String(at.getMinutes()).padStart(2, '0');
  return `${formatDate(at)} ${hh}:${mm}`;
}

/** How long ago: «меньше часа назад», «8 ч назад», «3 дн. назад». */
export function formatAgo(t: TFunction, iso: string, now: number = Date.now()): string {
  const hours = Math.floor((now - new Date(iso).getTime()) / 3600_000);
  if (hours < 1) return t('backups.agoMinutes');
  if (hours < 48) return t('backups.agoHours', { n: hours });
  return t('backups.agoDays', { n: Math.floor(hours / 24) });
}

/** A size in megabytes with one decimal, as the language writes numbers (3,4 МБ). */
export function formatMegabytes(language: Language, bytes: number): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    bytes / (1024 * 1024),
  );
}

/** Whether a count takes the singular («1 ежедневная») in the language. */
function isOne(language: Language, n: number): boolean {
  return new Intl.PluralRules(language).select(n) === 'one';
}

/** Retention in words: «7 ежедневных, 4 еженедельных, 12 ежемесячных». */
export function formatKeep(
  t: TFunction,
  language: Language,
  keep: { daily: number; weekly: number; monthly: number },
): string {
  return [
    t(isOne(language, keep.daily) ? 'backups.keepDailyOne' : 'backups.keepDaily', { n: keep.daily }),
    t(isOne(language, keep.weekly) ? 'backups.keepWeeklyOne' : 'backups.keepWeekly', { n: keep.weekly }),
    t(isOne(language, keep.monthly) ? 'backups.keepMonthlyOne' : 'backups.keepMonthly', { n: keep.monthly }),
  ].join(', ');
}

/** The schedule in words: «каждую ночь в 02:30» (or «каждый день в 14:00» for a daytime hour). */
export function formatSchedule(t: TFunction, at: string): string {
  const night = at < '06:00' || at >= '21:00';
  return t(night ? 'backups.scheduleNight' : 'backups.scheduleDay', { at });
}
