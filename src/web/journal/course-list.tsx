import { Link } from 'wouter';
import { useT } from '../i18n/use-t.ts';
import type { CourseList } from './journal-api.ts';

/** A table of journals: subject, class or group, teacher; each opens its grid. */
export function CourseTable({ courses, caption }: { courses: CourseList['courses']; caption: string }) {
  const t = useT();
  return (
    <div className="table-box">
      <table className="data-table stack-on-phone">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('journal.subject')}</th>
            <th scope="col">{t('journal.group')}</th>
            <th scope="col">{t('journal.teacherColumn')}</th>
            <th scope="col">{t('journal.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {courses.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/journal/${c.id}`}>{c.subject}</Link>
                {c.canEdit ? '' : ` (${t('journal.readOnlyShort')})`}
              </td>
              <td>{c.className && c.className !== c.group ? `${c.className}, ${c.group}` : c.group}</td>
              <td>{c.teacher}</td>
              <td>{c.hoursPerWeek}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
