import { formatDate } from '../i18n/format-date.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import type { Slot, Week } from './timetable-api.ts';

/** The weekday columns a class's week shows: its 5 or 6 days, and Saturday whenever it has lessons. */
export function weekdaysOf(week: Week): number[] {
  const last = Math.max(week.daysPerWeek, ...week.slots.map((s) => s.weekday));
  return Array.from({ length: Math.min(6, last) }, (_, i) => i + 1);
}

/** The lesson numbers the grid has rows for: the bells' and the slots', at least 1–6. */
export function lessonNumbersOf(week: Week): number[] {
  const last = Math.max(
    6,
    ...week.bells.map((b) => b.lessonNumber),
    ...week.slots.map((s) => s.lessonNumber),
  );
  return Array.from({ length: last }, (_, i) => i + 1);
}

const wd = (n: number) => `timetable.wd${n}` as MessageKey;
const day = (n: number) => `timetable.day${n}` as MessageKey;

/**
 * The week grid: rows are lesson numbers with their bell times, columns Пн–Сб; a cell shows each
 * lesson's subject, teacher and room, subgroups side by side.
 */
export function WeekGrid({
  week,
  onAdd,
  onEdit,
}: {
  week: Week;
  onAdd?: ((weekday: number, lessonNumber: number) => void) | undefined;
  onEdit?: ((slot: Slot) => void) | undefined;
}) {
  const t = useT();
  const days = weekdaysOf(week);
  const caption = t('timetable.weekCaption', { name: week.className, date: formatDate(week.on) });
  const bell = (weekday: number, n: number) =>
    week.bells.find((b) => b.weekday === weekday && b.lessonNumber === n);
  return (
    // A wide week scrolls sideways on a phone: the region takes the keyboard focus to scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-label={caption} tabIndex={0}>
      <table className="timetable-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timetable.lesson')}</th>
            {days.map((d) => (
              <th key={d} scope="col">
                <abbr title={t(day(d))}>{t(wd(d))}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lessonNumbersOf(week).map((n) => {
            const time = bell(1, n) ?? week.bells.find((b) => b.lessonNumber === n);
            return (
              <tr key={n}>
                <th scope="row">
                  <span className="timetable-number">{n}</span>
                  {time && (
                    <span className="timetable-time">
                      {time.startsAt}–{time.endsAt}
                    </span>
                  )}
                </th>
                {days.map((d) => {
                  const slots = week.slots.filter((s) => s.weekday === d && s.lessonNumber === n);
                  const own = bell(d, n);
                  return (
                    <td key={d}>
                      {own && time && own.startsAt !== time.startsAt && (
                        <span className="timetable-time">
                          {own.startsAt}–{own.endsAt}
                        </span>
                      )}
                      <div className="timetable-cell">
                        {slots.length > 0 && (
                          <div className="timetable-slots">
                            {slots.map((s) => (
                              <div key={s.id} className="timetable-slot">
                                <strong>{s.subject}</strong>
                                {s.groupKind !== 'class' && <span>{s.group}</span>}
                                <span>{s.teacher}</span>
                                {s.room && <span>{t('timetable.room', { room: s.room })}</span>}
                                {onEdit && (
                                  <button
                                    type="button"
                                    className="button button-quiet timetable-small"
                                    aria-label={t('timetable.editLabel', {
                                      subject: s.subject,
                                      day: t(day(d)),
                                      n,
                                    })}
                                    onClick={() => onEdit(s)}
                                  >
                                    {t('timetable.edit')}
                                  </button>
                                )}
                              </div>
                            ))}
                          </div>
                        )}
                        {onAdd && (
                          <button
                            type="button"
                            className="button button-quiet timetable-small"
                            aria-label={t('timetable.add', { day: t(day(d)), n })}
                            onClick={() => onAdd(d, n)}
                          >
                            +
                          </button>
                        )}
                      </div>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
