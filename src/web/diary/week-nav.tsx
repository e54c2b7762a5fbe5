import { Link } from 'wouter';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { addDays } from './diary-dates.ts';

/** Arrows to the previous and next week and back to the current one; the week lives in `?week=`. */
export function WeekNav({ path, weekStart, weekEnd }: { path: string; weekStart: string; weekEnd: string }) {
  const t = useT();
  return (
    <nav className="diary-weeknav" aria-label={t('diary.weekNav')}>
      <p className="diary-week-dates">
        {t('diary.weekOf', { from: formatDate(weekStart), to: formatDate(weekEnd) })}
      </p>
      <div className="diary-weeknav-links">
        <Link className="button button-quiet" href={`${path}?week=${addDays(weekStart, -7)}`}>
          {t('diary.prevWeek')}
        </Link>
        <Link className="button button-quiet" href={path}>
          {t('diary.currentWeek')}
        </Link>
        <Link className="button button-quiet" href={`${path}?week=${addDays(weekStart, 7)}`}>
          {t('diary.nextWeek')}
        </Link>
      </div>
    </nav>
  );
}
