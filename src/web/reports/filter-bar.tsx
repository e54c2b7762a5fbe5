import { type FormEvent, useState } from 'react';
import { Field } from '../components/field.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useT } from '../i18n/use-t.ts';
import type { ReportFilterOptions, ReportFilterValues } from './reports-api.ts';

type Draft = Record<keyof ReportFilterValues, string>;

const toDraft = (f: ReportFilterValues): Draft => ({
  yearId: f.yearId ? String(f.yearId) : '',
  periodId: f.periodId ? String(f.periodId) : '',
  from: f.from ?? '',
  to: f.to ?? '',
  classId: f.classId ? String(f.classId) : '',
  teacherId: f.teacherId ? String(f.teacherId) : '',
  courseId: f.courseId ? String(f.courseId) : '',
  subjectId: f.subjectId ? String(f.subjectId) : '',
});

const num = (s: string) => (s ? Number(s) : undefined);

/** The filters of the reports: year, period or dates, class, subject, teacher; «Показать» applies them. */
export function FilterBar({
  options,
  filters,
  onApply,
}: {
  options: ReportFilterOptions;
  filters: ReportFilterValues;
  onApply: (f: ReportFilterValues) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => toDraft(filters));
  const [toError, setToError] = useState<string | undefined>();
  const set = (name: keyof Draft) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [name]: e.target.value }));
    if (name === 'from' || name === 'to') setToError(undefined);
  };
  const any = { value: '', label: t('reports.any') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const usePeriod = draft.periodId !== '';
    // The dates are 'YYYY-MM-DD', so they compare as text; the error stands beside «По».
    if (!usePeriod && draft.from && draft.to && draft.to < draft.from) {
      setToError(t('reports.toBeforeFrom'));
      return;
    }
    onApply({
      yearId: num(draft.yearId),
      periodId: num(draft.periodId),
      from: usePeriod ? undefined : draft.from || undefined,
      to: usePeriod ? undefined : draft.to || undefined,
      classId: num(draft.classId),
      teacherId: num(draft.teacherId),
      subjectId: num(draft.subjectId),
      courseId: num(draft.courseId),
    });
  };
  return (
    <form className="report-filters" onSubmit={submit} aria-label={t('reports.filters')}>
      <SelectField
        name="yearId"
        label={t('reports.year')}
        value={draft.yearId || String(options.yearId)}
        onChange={set('yearId')}
        options={options.years.map((y) => ({ value: String(y.id), label: y.name }))}
      />
      <SelectField
        name="periodId"
        label={t('reports.period')}
        value={draft.periodId}
        onChange={set('periodId')}
        options={[
          { value: '', label: t('reports.byDates') },
          ...options.periods.map((p) => ({ value: String(p.id), label: p.name })),
        ]}
      />
      {draft.periodId === '' && (
        <>
          <Field
            name="from"
            label={t('reports.from')}
            type="date"
            value={draft.from}
            onChange={set('from')}
          />
          <Field
            name="to"
            label={t('reports.to')}
            type="date"
            value={draft.to}
            onChange={set('to')}
            error={toError}
          />
        </>
      )}
      {options.classes.length > 0 && (
        <SelectField
          name="classId"
          label={t('reports.class')}
          value={draft.classId}
          onChange={set('classId')}
          options={[any, ...options.classes.map((c) => ({ value: String(c.id), label: c.name }))]}
        />
      )}
      <SelectField
        name="subjectId"
        label={t('reports.subject')}
        value={draft.subjectId}
        onChange={set('subjectId')}
        options={[any, ...options.subjects.map((s) => ({ value: String(s.id), label: s.name }))]}
      />
      {options.whole && (
        <SelectField
          name="teacherId"
          label={t('reports.teacher')}
          value={draft.teacherId}
          onChange={set('teacherId')}
          options={[any, ...options.teachers.map((s) => ({ value: String(s.id), label: s.name }))]}
        />
      )}
      <button type="submit" className="button button-primary">
        {t('reports.apply')}
      </button>
    </form>
  );
}
