import { Link } from 'wouter';
import type { Me } from '../../contract/auth.ts';
import { useT } from '../i18n/use-t.ts';
import { RemarkCard } from './remark-card.tsx';
import { RemarkForm } from './remark-form.tsx';
import { useRemarks } from './remarks-api.ts';
import './remarks.css';

/**
 * Above a course's grid: its remarks not yet closed (the teacher marks them «Исправлено» here) and,
 * for the leadership, «Написать замечание» about the course or the lesson open beside the grid.
 * Nothing for people who see no remarks.
 */
export function CourseRemarks({
  me,
  courseId,
  lessonId,
}: {
  me: Me;
  courseId: number;
  lessonId: number | null;
}) {
  const t = useT();
  const writes = me.abilities.includes('remarks.write');
  const reads = writes || me.abilities.includes('remarks.fix');
  const remarks = useRemarks({ courseId, status: 'active' }, reads && courseId > 0);
  const items = remarks.data?.items ?? [];
  if (!reads || (!writes && items.length === 0)) return null;
  return (
    <section className="remark-notice" aria-labelledby="course-remarks">
      {items.length > 0 && (
        <>
          <h2 id="course-remarks">{t('remarks.courseNotice')}</h2>
          <ul className="remark-list">
            {items.map((r) => (
              <li key={r.id}>
                <RemarkCard remark={r} canManage={false} showCourse={false} showTeacher={false} />
              </li>
            ))}
          </ul>
        </>
      )}
      {writes && (
        <>
          <h2 id={items.length > 0 ? undefined : 'course-remarks'}>{t('remarks.writeTitle')}</h2>
          <RemarkForm key={lessonId ?? 0} courseId={courseId} lessonId={lessonId} />
        </>
      )}
    </section>
  );
}

/** «Замечания завуча» on the teacher's «Сегодня»: their open remarks, when there are any. */
export function TodayRemarks({ me }: { me: Me }) {
  const t = useT();
  const reads = me.abilities.includes('remarks.fix');
  const remarks = useRemarks({ status: 'open', teacherId: me.person.id }, reads);
  const items = remarks.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="remark-notice" aria-labelledby="today-remarks">
      <h2 id="today-remarks">{t('remarks.todayTitle')}</h2>
      <p>{t('remarks.todayCount', { count: items.length })}</p>
      <ul className="remark-list">
        {items.map((r) => (
          <li key={r.id}>
            <RemarkCard remark={r} canManage={false} showTeacher={false} />
          </li>
        ))}
      </ul>
      <p>
        <Link href="/teacher/remarks">{t('remarks.todayAll')}</Link>
      </p>
    </section>
  );
}
