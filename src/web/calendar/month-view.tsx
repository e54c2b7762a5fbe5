import { useState } from 'react';
import type { YearCalendar } from '../../contract/calendar.ts';
import {
  addDays,
  type ClassCalendar,
  mondayOf,
  timetableWeekday,
  weekdayOf,
} from '../../domain/school-days.ts';
import { SelectField } from '../components/select-field.tsx';
import { useT } from '../i18n/use-t.ts';
import { weekdayKeys } from './calendar-api.ts';

const monthKeys = [
  'calendar.m1',
  'calendar.m2',
  'calendar.m3',
  'calendar.m4',
  'calendar.m5',
  'calendar.m6',
  'calendar.m7',
  'calendar.m8',
  'calendar.m9',
  'calendar.m10',
  'calendar.m11',
  'calendar.m12',
] as const;

/** The months of a year, 'YYYY-MM', from its first to its last. */
function monthsOf(startsOn: string, endsOn: string): string[] {
  const out: string[] = [];
  let y = Number(startsOn.slice(0, 4));
  let m = Number(startsOn.slice(5, 7));
  while (`${y}-${String(m).padStart(2, '0')}` <= endsOn.slice(0, 7)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A month of the calendar for a grade and week length: which days are school days and why not. */
export function MonthView({ calendar }: { calendar: YearCalendar }) {
  const t = useT();
  const months = monthsOf(calendar.year.startsOn, calendar.year.endsOn);
  const [month, setMonth] = useState(months[0] ?? '');
  const [grade, setGrade] = useState(String(calendar.classes[0]?.grade ?? 5));
  const [days, setDays] = useState('5');
  const cal: ClassCalendar = {
    grade: Number(grade),
    daysPerWeek: days === '6' ? 6 : 5,
    startsOn: calendar.year.startsOn,
    endsOn: calendar.year.endsOn,
    entries: calendar.entries,
  };
  const first = `${month}-01`;
  const weeks: string[][] = [];
  for (let monday = mondayOf(first); monday.slice(0, 7) <= month; monday = addDays(monday, 7))
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  const label = (m: string) => `${t(monthKeys[Number(m.slice(5, 7)) - 1]!)} ${m.slice(0, 4)}`;
  const describe = (date: string) => {
    const weekday = timetableWeekday(date, cal);
    const entry = calendar.entries.find(
      (e) => e.startsOn <= date && date <= e.endsOn && (e.grade === null || e.grade === cal.grade),
    );
    if (weekday !== null)
      return {
        kind: 'school',
        text:
          weekday === weekdayOf(date)
            ? t('calendar.schoolDay')
            : t('calendar.follows', { day: t(weekdayKeys[weekday - 1]!) }),
      };
    if (entry && entry.kind !== 'workday')
      return { kind: entry.kind, text: t(`calendar.kind.${entry.kind}`) };
    return { kind: 'off', text: t('calendar.dayOff') };
  };
  return (
    <section className="calendar-section" aria-labelledby="month-title">
      <h2 id="month-title">{t('calendar.monthView')}</h2>
      <div className="form-row calendar-row">
        <SelectField
          name="month"
          label={t('calendar.month')}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          options={months.map((m) => ({ value: m, label: label(m) }))}
        />
        <SelectField
          name="month-grade"
          label={t('calendar.grade')}
          value={grade}
          onChange={(e) => setGrade(e.target.value)}
          options={Array.from({ length: 11 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
        />
        <SelectField
          name="month-days"
          label={t('calendar.week')}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          options={[
            { value: '5', label: t('calendar.fiveDays') },
            { value: '6', label: t('calendar.sixDays') },
          ]}
        />
      </div>
      {calendar.classes.length > 0 && (
        <p className="field-hint">
          {t('calendar.classWeeks')} {calendar.classes.map((c) => `${c.name} — ${c.daysPerWeek}`).join(', ')}
        </p>
      )}
      <div className="table-box calendar-scroll">
        <table className="calendar-month">
          <caption>{label(month)}</caption>
          <thead>
            <tr>
              {weekdayKeys.map((k) => (
                <th key={k} scope="col">
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]}>
                {week.map((date) => {
                  if (date.slice(0, 7) !== month) return <td key={date} />;
                  const d = describe(date);
                  return (
                    <td key={date} className={`calendar-day calendar-day-${d.kind}`} data-date={date}>
                      <span className="calendar-day-number">{Number(date.slice(8))}</span>
                      <span className="calendar-day-text">{d.text}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
