import { Link } from 'wouter';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { addDays, mondayOf, todayIso } from './diary-dates.ts';

/**
 * Arrows to the previous and next week, and «Текущая неделя» when another week is shown; the week
 * lives in `?week=`, so the browser's Back and Forward move between weeks.
 */
export function WeekNav({ path, weekStart, weekEnd }: { path: string; weekStart: string; weekEnd: string }) {
  const t = useT();
  const current = mondayOf(todayIso()) === weekStart;
  return (
    <nav className="diary-weeknav" aria-label={t('diary.weekNav')}>
      <p className="diary-week-dates">
        {t('diary.weekOf', { from: formatDate(weekStart), to: formatDate(weekEnd) })}
      </p>
      <div className="diary-weeknav-links">
        <Link className="button button-quiet diary-prev" href={`${path}?week=${addDays(weekStart, -7)}`}>
          {t('diary.prevWeek')}
        </Link>
        <Link className="button button-quiet diary-next" href={`${path}?week=${addDays(weekStart, 7)}`}>
          {t('diary.nextWeek')}
        </Link>
        {!current && (
          <Link className="button button-quiet diary-current" href={path}>
            {t('diary.currentWeek')}
          </Link>
        )}
      </div>
    </nav>
  );
}
