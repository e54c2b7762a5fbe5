import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { FirstStepKey, FirstStepsView } from '../../contract/first-steps.ts';
import { apiGet } from '../app/api.ts';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import './first-steps.css';

/** The page where each step is taken. */
export const stepPaths: Record<FirstStepKey, string> = {
  school: '/admin/settings',
  year: '/admin/calendar',
  calendar: '/admin/calendar',
  bells: '/admin/calendar',
  classes: '/admin/structure',
  subjects: '/admin/structure',
  teachers: '/admin/people',
  courses: '/admin/structure',
  timetable: '/admin/timetable',
  students: '/admin/structure',
  parents: '/admin/structure',
  lesson: '/admin/timetable',
};

/** «Первые шаги»: the school administrator's checklist from the setup to the first lesson recorded. */
export default function FirstStepsPage() {
  const t = useT();
  const title = t('firstSteps.title');
  useDocumentTitle(title);
  const query = useQuery({
    queryKey: ['first-steps'],
    queryFn: () => apiGet<FirstStepsView>('/api/admin/first-steps'),
  });
  if (query.isError) {
    return (
      <>
        <h1>{title}</h1>
        <FormAlert
          message={query.error instanceof ApiError ? query.error.message : t('firstSteps.loadFailed')}
        />
      </>
    );
  }
  if (!query.data) return <p className="loading">{t('app.loading')}</p>;
  const { steps, doneCount, next } = query.data;
  return (
    <>
      <h1>{title}</h1>
      <p>{t('firstSteps.intro')}</p>
      <p className="first-steps-count" data-testid="first-steps-count">
        {t('firstSteps.count', { done: doneCount, total: steps.length })}
      </p>
      {next === null && <p>{t('firstSteps.allDone')}</p>}
      <ol className="first-steps">
        {steps.map((step) => {
          const isNext = step.key === next;
          const className = `first-step${step.done ? ' first-step-done' : ''}${isNext ? ' first-step-next' : ''}`;
          return (
            <li
              key={step.key}
              className={className}
              data-testid={`first-step-${step.key}`}
              aria-current={isNext ? 'step' : undefined}
            >
              <span className="first-step-mark" aria-hidden="true">
                {step.done ? '✓' : '○'}
              </span>
              <span className="visually-hidden">
                {t(step.done ? 'firstSteps.done' : 'firstSteps.todo')}:{' '}
              </span>
              <Link href={stepPaths[step.key]}>{t(`firstSteps.step.${step.key}`)}</Link>
              {isNext && <strong className="first-step-badge">{t('firstSteps.next')}</strong>}
            </li>
          );
        })}
      </ol>
    </>
  );
}
