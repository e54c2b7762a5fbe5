import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { apiPost } from '../app/api.ts';
import type { Problems } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { HomeworkText } from './homework-text.tsx';
import {
  isOffline,
  type LessonQueue,
  type PageBody,
  type PageField,
  pageChangeFields,
  pageDraft,
  pageFields,
} from './lesson-offline.ts';
import { PageQueued } from './lesson-page-queued.tsx';
import { type LessonPage as Lesson, lessonPaths, refreshLessons } from './lessons-api.ts';
import { TextArea } from './text-area.tsx';

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

/** The form's texts of some of the page's fields. */
function textsOf(fields: Partial<PageBody>): Partial<Values> {
  const out: Partial<Values> = {};
  for (const [f, v] of Object.entries(fields)) Object.assign(out, { [f]: v === null ? '' : String(v) });
  return out;
}

const valuesOf = (l: Lesson): Values =>
  ({ ...textsOf(Object.fromEntries(pageFields.map((f) => [f, l[f]]))), editReason: '' }) as Values;

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The page's fields as the server takes them. */
const bodyOf = (v: Values): PageBody => ({
  topic: orNull(v.topic),
  planItemId: v.planItemId ? Number(v.planItemId) : null,
  lessonKind: orNull(v.lessonKind),
  plan: orNull(v.plan),
  homework: orNull(v.homework),
  homeworkDueOn: v.homeworkDueOn || null,
});

/** The lesson page's form for its teachers; saved without a connection, it is kept on the device. */
export function LessonForm({ lesson, queue }: { lesson: Lesson; queue: LessonQueue }) {
  const t = useT();
  const [values, setValues] = useState<Values>(() => ({
    ...valuesOf(lesson),
    ...textsOf(queue.page ? pageChangeFields(queue.page.change) : {}),
  }));
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    // Paused queries and mutations wait for the connection: this one decides itself what to do without it.
    networkMode: 'always',
    mutationFn: async (v: Values): Promise<'saved' | 'kept'> => {
      const body = bodyOf(v);
      const reason = lesson.needsReason ? v.editReason.trim() : null;
      // A change already waiting on the device goes with it, so the two do not collide.
      const keep = () => {
        const also = queue.page ? Object.keys(pageChangeFields(queue.page.change)) : [];
        const draft = pageDraft(lesson, body, reason, also as PageField[]);
        return draft === null || queue.keep(draft);
      };
      if ((!navigator.onLine || queue.page) && keep()) return 'kept';
      try {
        await apiPost(lessonPaths.lesson(lesson.id), {
          ...body,
          ...(reason !== null && { editReason: reason }),
        });
        return 'saved';
      } catch (error) {
        if (isOffline(error) && keep()) return 'kept';
        throw error;
      }
    },
    onSuccess: (result) => {
      setValues((v) => ({ ...v, editReason: '' }));
      if (result === 'saved') return refreshLessons();
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
      {save.data === 'saved' && <Notice message={t('lessons.saved')} />}
      {save.data === 'kept' && queue.page?.state === 'waiting' && (
        <Notice message={t('lessons.keptOffline')} />
      )}
      {queue.synced.page && !queue.page && <Notice message={t('lessons.syncedPage')} />}
      {queue.page && (
        <PageQueued
          lesson={lesson}
          entry={queue.page}
          onTake={(server) => setValues((v) => ({ ...v, ...textsOf(server) }))}
        />
      )}
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
