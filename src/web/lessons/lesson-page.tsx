import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { apiPost } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import type { Problems } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { HomeworkText } from './homework-text.tsx';
import { LessonAttendance } from './lesson-attendance.tsx';
import { LessonFiles } from './lesson-files.tsx';
import {
  errorMessage,
  type LessonPage as Lesson,
  lessonPaths,
  refreshLessons,
  useLesson,
} from './lessons-api.ts';
import './lessons.css';

/** Common kinds of lesson offered in the kind field (any other text is allowed). */
export const lessonKinds = [
  'Изучение нового материала',
  'Комбинированный',
  'Закрепление изученного',
  'Обобщение и систематизация',
  'Контрольная работа',
  'Проверочная работа',
  'Практическая работа',
  'Лабораторная работа',
  'Урок развития речи',
  'Повторение',
] as const;

type Values = {
  topic: string;
  planItemId: string;
  lessonKind: string;
  plan: string;
  homework: string;
  homeworkDueOn: string;
  editReason: string;
};

const valuesOf = (l: Lesson): Values => ({
  topic: l.topic ?? '',
  planItemId: l.planItemId === null ? '' : String(l.planItemId),
  lessonKind: l.lessonKind ?? '',
  plan: l.plan ?? '',
  homework: l.homework ?? '',
  homeworkDueOn: l.homeworkDueOn ?? '',
  editReason: '',
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** «Урок»: topic from the КТП, kind, plan, homework with files and due date. */
export default function LessonPage({ me, params }: PageProps) {
  const t = useT();
  const id = Number(params.id);
  const lesson = useLesson(id);
  const data = lesson.data;
  const title = data
    ? t('lessons.title', { subject: data.subject, group: data.group, date: formatDate(data.date) })
    : t('lessons.titleShort');
  useDocumentTitle(title);
  if (lesson.isError)
    return (
      <>
        <h1>{t('lessons.titleShort')}</h1>
        <FormAlert message={errorMessage(lesson.error)} />
      </>
    );
  if (!data) return <p className="loading">{t('app.loading')}</p>;
  return (
    <section className="lessons-page">
      <h1>{title}</h1>
      <dl className="lesson-facts">
        <div>
          <dt>{t('lessons.date')}</dt>
          <dd>
            {formatDate(data.date)}, {t('lessons.lessonNo', { n: data.lessonNumber })}
          </dd>
        </div>
        <div>
          <dt>{t('lessons.teacher')}</dt>
          <dd>{data.teacher}</dd>
        </div>
        {data.substitute && (
          <div>
            <dt>{t('lessons.substitute')}</dt>
            <dd>{data.substitute}</dd>
          </div>
        )}
      </dl>
      <p className="lessons-links">
        <Link href={`/journal/${data.courseId}`}>{t('lessons.toGrid')}</Link>
        <Link href={`/plan/${data.courseId}`}>{t('lessons.toPlan')}</Link>
      </p>
      <LessonAttendance lesson={data} />
      {data.canEdit ? <LessonForm key={`${data.id}`} lesson={data} /> : <LessonView lesson={data} />}
      <LessonFiles lessonId={data.id} files={data.files} canEdit={data.canEdit} csrfToken={me.csrfToken} />
    </section>
  );
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const row = (label: string, value: string | null) => (
    <div>
      <dt>{label}</dt>
      <dd>{value ?? <span className="lessons-muted">{t('lessons.none')}</span>}</dd>
    </div>
  );
  return (
    <>
      <p className="lessons-muted">{t('lessons.readOnly')}</p>
      <dl className="lesson-facts lesson-read">
        {row(t('lessons.topic'), lesson.topic)}
        {row(t('lessons.kind'), lesson.lessonKind)}
        {row(t('lessons.plan'), lesson.plan)}
        <div>
          <dt>{t('lessons.homework')}</dt>
          <dd>
            {lesson.homework ? (
              <HomeworkText text={lesson.homework} />
            ) : (
              <span className="lessons-muted">{t('lessons.none')}</span>
            )}
          </dd>
        </div>
        {row(t('lessons.dueOn'), lesson.homeworkDueOn && formatDate(lesson.homeworkDueOn))}
      </dl>
    </>
  );
}

function LessonForm({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const [values, setValues] = useState<Values>(() => valuesOf(lesson));
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: (v: Values) =>
      apiPost(lessonPaths.lesson(lesson.id), {
        topic: orNull(v.topic),
        planItemId: v.planItemId ? Number(v.planItemId) : null,
        lessonKind: orNull(v.lessonKind),
        plan: orNull(v.plan),
        homework: orNull(v.homework),
        homeworkDueOn: v.homeworkDueOn || null,
        ...(lesson.needsReason && { editReason: v.editReason.trim() }),
      }),
    onSuccess: () => {
      setValues((v) => ({ ...v, editReason: '' }));
      return refreshLessons();
    },
  });
  const errors = useFormErrors(problems, save.error);
  const set = (name: keyof Values) => (e: { target: { value: string } }) => {
    save.reset();
    setValues((v) => ({ ...v, [name]: e.target.value }));
  };
  const next = lesson.planTopics.find((p) => !p.used && p.id !== lesson.planItemId);
  const choose = (planItemId: string) => {
    save.reset();
    const item = lesson.planTopics.find((p) => String(p.id) === planItemId);
    setValues((v) => ({ ...v, planItemId, topic: item ? item.topic : v.topic }));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems =
      lesson.needsReason && values.editReason.trim().length < 1
        ? { editReason: { key: 'validation.required' } }
        : {};
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate(values);
  };
  return (
    <form className="form lesson-form" onSubmit={onSubmit} noValidate>
      <FormAlert message={errors.general} />
      {save.isSuccess && <Notice message={t('lessons.saved')} />}
      {lesson.planTopics.length > 0 ? (
        <div className="field">
          <label htmlFor="planItemId">{t('lessons.planTopic')}</label>
          <select id="planItemId" value={values.planItemId} onChange={(e) => choose(e.target.value)}>
            <option value="">{t('lessons.planTopicNone')}</option>
            {lesson.planTopics.map((p) => (
              <option key={p.id} value={p.id}>
                {`${p.position}. ${p.topic}${p.used && p.id !== lesson.planItemId ? ` (${t('lessons.used')})` : ''}`}
              </option>
            ))}
          </select>
          {next && values.planItemId !== String(next.id) && (
            <p className="field-hint">
              <button
                type="button"
                className="button button-quiet lessons-small"
                onClick={() => choose(String(next.id))}
              >
                {t('lessons.takeNext', { n: next.position, topic: next.topic })}
              </button>
            </p>
          )}
        </div>
      ) : (
        <p className="lessons-muted">
          {t('lessons.noPlan')} <Link href={`/plan/${lesson.courseId}`}>{t('lessons.toPlan')}</Link>
        </p>
      )}
      <Field
        name="topic"
        label={t('lessons.topic')}
        value={values.topic}
        onChange={set('topic')}
        error={errors.field('topic')}
        maxLength={500}
      />
      <Field
        name="lessonKind"
        label={t('lessons.kind')}
        hint={t('lessons.kindHint')}
        list="lesson-kinds"
        value={values.lessonKind}
        onChange={set('lessonKind')}
        error={errors.field('lessonKind')}
        maxLength={100}
      />
      <datalist id="lesson-kinds">
        {lessonKinds.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <TextArea
        name="plan"
        label={t('lessons.plan')}
        value={values.plan}
        onChange={set('plan')}
        error={errors.field('plan')}
        rows={3}
      />
      <TextArea
        name="homework"
        label={t('lessons.homework')}
        hint={t('lessons.homeworkHint')}
        value={values.homework}
        onChange={set('homework')}
        error={errors.field('homework')}
        rows={4}
      />
      {values.homework.trim() && (
        <div className="lesson-preview">
          <p className="lessons-muted">{t('lessons.preview')}</p>
          <HomeworkText text={values.homework} />
        </div>
      )}
      <Field
        name="homeworkDueOn"
        type="date"
        label={t('lessons.dueOn')}
        value={values.homeworkDueOn}
        onChange={set('homeworkDueOn')}
        error={errors.field('homeworkDueOn')}
      />
      {lesson.needsReason && (
        <Field
          name="editReason"
          label={t('lessons.editReason')}
          hint={t('lessons.editReasonHint')}
          value={values.editReason}
          onChange={set('editReason')}
          error={errors.field('editReason')}
          maxLength={300}
        />
      )}
      <p>
        <button
          type="submit"
          className="button button-primary"
          disabled={save.isPending}
          aria-busy={save.isPending}
        >
          {save.isPending ? t('lessons.saving') : t('lessons.saveLesson')}
        </button>
      </p>
    </form>
  );
}

/** A labelled multi-line text field with its hint and error. */
export function TextArea({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  rows,
}: {
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  rows: number;
}) {
  const describedBy =
    [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={name}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={name}
        name={name}
        rows={rows}
        value={value}
        onChange={onChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        maxLength={4000}
      />
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
