import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { z } from 'zod';
import type { planFilled } from '../../contract/lessons.ts';
import { apiPost } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import {
  errorMessage,
  lessonPaths,
  type Plan,
  refreshLessons,
  usePlan,
  usePlanSources,
} from './lessons-api.ts';
import { PlanImport } from './plan-import.tsx';
import { PlanTable } from './plan-table.tsx';
import './lessons.css';

/** КТП of a course: plan vs fact, the topics, import, copy and filling the lessons' topics. */
export default function PlanPage({ me, params }: PageProps) {
  const t = useT();
  const courseId = Number(params.courseId);
  const plan = usePlan(courseId);
  const data = plan.data;
  const title = data
    ? t('lessons.planTitle', { subject: data.subject, group: data.group })
    : t('lessons.plans');
  useDocumentTitle(title);
  if (plan.isError)
    return (
      <>
        <h1>{t('lessons.plans')}</h1>
        <FormAlert message={errorMessage(plan.error)} />
      </>
    );
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  return (
    <section className="lessons-page">
      <h1>{title}</h1>
      <p className="lessons-links">
        <Link href={`/journal/${courseId}`}>{t('lessons.toGrid')}</Link>
        {me.roles.includes('teacher') && <Link href="/teacher/plan">{t('lessons.allPlans')}</Link>}
      </p>
      <PlanFact plan={data} />
      {data.canEdit && (
        <>
          <FillTopics courseId={courseId} empty={data.items.length === 0} />
          <PlanImport courseId={courseId} csrfToken={me.csrfToken} />
          <PlanCopy courseId={courseId} items={data.items.length} />
        </>
      )}
      <PlanTable plan={data} />
    </section>
  );
}

function PlanFact({ plan }: { plan: Plan }) {
  const t = useT();
  const f = plan.fact;
  const behind = f.lag > 0;
  return (
    <section className="plan-fact" aria-labelledby="plan-fact-title">
      <h2 id="plan-fact-title" className="visually-hidden">
        {t('lessons.factTitle')}
      </h2>
      <dl>
        <div>
          <dt>{t('lessons.factPlanned')}</dt>
          <dd>{f.plannedHours}</dd>
        </div>
        <div>
          <dt>{t('lessons.factToDate')}</dt>
          <dd>{f.plannedToDate}</dd>
        </div>
        <div>
          <dt>{t('lessons.factHeld')}</dt>
          <dd>{f.heldLessons}</dd>
        </div>
        <div className={behind ? 'plan-fact-behind' : 'plan-fact-ok'}>
          <dt>{t('lessons.factLag')}</dt>
          <dd>{behind ? t('lessons.lagBehind', { n: f.lag }) : t('lessons.lagNone')}</dd>
        </div>
      </dl>
    </section>
  );
}

function FillTopics({ courseId, empty }: { courseId: number; empty: boolean }) {
  const t = useT();
  const fill = useMutation({
    mutationFn: () => apiPost<z.infer<typeof planFilled>>(lessonPaths.planFill(courseId), {}),
    onSuccess: () => refreshLessons(),
  });
  if (empty) return null;
  return (
    <div className="plan-fill">
      <button type="button" className="button" disabled={fill.isPending} onClick={() => fill.mutate()}>
        {t('lessons.fill')}
      </button>
      <span className="lessons-muted"> {t('lessons.fillHint')}</span>
      {fill.data && <Notice message={t('lessons.filled', { n: fill.data.filled })} />}
      <FormAlert message={errorMessage(fill.error)} />
    </div>
  );
}

function PlanCopy({ courseId, items }: { courseId: number; items: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [replace, setReplace] = useState(false);
  const sources = usePlanSources(courseId, open);
  const copy = useMutation({
    mutationFn: () => apiPost(lessonPaths.planCopy(courseId), { fromCourseId: Number(from), replace }),
    onSuccess: () => {
      setFrom('');
      return refreshLessons();
    },
  });
  const list = sources.data?.courses ?? [];
  return (
    <details className="panel plan-tool" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('lessons.copyTitle')}</summary>
      {open && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (from) copy.mutate();
          }}
        >
          {sources.data && list.length === 0 && <p>{t('lessons.copyNone')}</p>}
          {list.length > 0 && (
            <SelectField
              name="fromCourseId"
              label={t('lessons.copyFrom')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              options={[
                { value: '', label: t('lessons.choose') },
                ...list.map((c) => ({
                  value: String(c.id),
                  label: t('lessons.copySource', { ...c, items: c.items }),
                })),
              ]}
            />
          )}
          {items > 0 && (
            <label className="lessons-check">
              <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />{' '}
              {t('lessons.copyReplace', { n: items })}
            </label>
          )}
          <FormAlert message={errorMessage(copy.error ?? sources.error)} />
          {copy.isSuccess && <Notice message={t('lessons.copied')} />}
          <p>
            <button
              type="submit"
              className="button button-primary"
              disabled={!from || (items > 0 && !replace) || copy.isPending}
            >
              {t('lessons.copy')}
            </button>
          </p>
        </form>
      )}
    </details>
  );
}
