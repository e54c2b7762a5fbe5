import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { apiPost } from '../app/api.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import { errorMessage, lessonPaths, type Plan, type PlanItem, refreshLessons } from './lessons-api.ts';

type Values = { section: string; topic: string; hours: string; controlKind: string; plannedOn: string };
const blank: Values = { section: '', topic: '', hours: '1', controlKind: '', plannedOn: '' };
const valuesOf = (i: PlanItem): Values => ({
  section: i.section ?? '',
  topic: i.topic,
  hours: String(i.hours),
  controlKind: i.controlKind ?? '',
  plannedOn: i.plannedOn ?? '',
});

/** The topics of the КТП with their lessons; an editor adds, changes, moves and removes them. */
export function PlanTable({ plan }: { plan: Plan }) {
  const t = useT();
  const [editing, setEditing] = useState<number | null>(null);
  const move = useMutation({
    mutationFn: ({ id, position }: { id: number; position: number }) =>
      apiPost(lessonPaths.planItem(id), { position }),
    onSuccess: () => refreshLessons(),
  });
  const remove = useMutation({
    mutationFn: (id: number) => apiPost(lessonPaths.removePlanItem(id)),
    onSuccess: () => refreshLessons(),
  });
  const items = plan.items;
  const editItem = items.find((i) => i.id === editing);
  return (
    <section aria-labelledby="plan-items-title">
      <h2 id="plan-items-title">{t('lessons.itemsTitle')}</h2>
      {plan.canEdit && editItem && (
        <ItemForm
          key={editItem.id}
          courseId={plan.courseId}
          item={editItem}
          onDone={() => setEditing(null)}
        />
      )}
      {plan.canEdit && !editItem && <ItemForm key="new" courseId={plan.courseId} />}
      {items.length === 0 && <p>{plan.canEdit ? t('lessons.itemsEmptyEdit') : t('lessons.itemsEmpty')}</p>}
      <FormAlert message={errorMessage(move.error ?? remove.error)} />
      {items.length > 0 && (
        <div className="table-box">
          <table className="data-table plan-table">
            <caption className="visually-hidden">{t('lessons.itemsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('lessons.section')}</th>
                <th scope="col">{t('lessons.topic')}</th>
                <th scope="col">{t('lessons.hours')}</th>
                <th scope="col">{t('lessons.controlKind')}</th>
                <th scope="col">{t('lessons.plannedOn')}</th>
                <th scope="col">{t('lessons.given')}</th>
                {plan.canEdit && <th scope="col">{t('lessons.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <tr key={item.id}>
                  <td>{item.position}</td>
                  <td>{item.section}</td>
                  <th scope="row">{item.topic}</th>
                  <td>{item.hours}</td>
                  <td>{item.controlKind}</td>
                  <td>{item.plannedOn && formatDate(item.plannedOn)}</td>
                  <td>
                    {item.lessons.map((l, i) => (
                      <span key={l.id}>
                        {i > 0 && ', '}
                        <Link href={`/lessons/${l.id}`}>{formatDate(l.date)}</Link>
                      </span>
                    ))}
                  </td>
                  {plan.canEdit && (
                    <td className="plan-actions">
                      <button
                        type="button"
                        className="button button-quiet lessons-small"
                        disabled={index === 0 || move.isPending}
                        aria-label={t('lessons.moveUp', { topic: item.topic })}
                        onClick={() => move.mutate({ id: item.id, position: item.position - 1 })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button-quiet lessons-small"
                        disabled={index === items.length - 1 || move.isPending}
                        aria-label={t('lessons.moveDown', { topic: item.topic })}
                        onClick={() => move.mutate({ id: item.id, position: item.position + 1 })}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="button button-quiet lessons-small"
                        aria-label={t('lessons.editLabel', { topic: item.topic })}
                        onClick={() => setEditing(item.id)}
                      >
                        {t('lessons.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button-quiet lessons-small"
                        disabled={remove.isPending}
                        aria-label={t('lessons.removeLabel', { topic: item.topic })}
                        onClick={() => {
                          if (window.confirm(t('lessons.removeConfirm', { topic: item.topic })))
                            remove.mutate(item.id);
                        }}
                      >
                        {t('lessons.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ItemForm({ courseId, item, onDone }: { courseId: number; item?: PlanItem; onDone?: () => void }) {
  const t = useT();
  const [values, setValues] = useState<Values>(item ? valuesOf(item) : blank);
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        section: v.section.trim() || null,
        topic: v.topic.trim(),
        hours: Number(v.hours.replace(',', '.')),
        controlKind: v.controlKind.trim() || null,
        plannedOn: v.plannedOn || null,
      };
      return apiPost(item ? lessonPaths.planItem(item.id) : lessonPaths.planItems(courseId), body);
    },
    onSuccess: () => {
      if (item) onDone?.();
      else setValues((v) => ({ ...blank, section: v.section }));
      return refreshLessons();
    },
  });
  const errors = useFormErrors(problems, save.error);
  const bind = (name: keyof Values) => ({
    value: values[name],
    error: errors.field(name),
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['topic', 'hours']);
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate(values);
  };
  const prefix = item ? 'edit' : 'add';
  const focusOnEdit = (form: HTMLFormElement | null) => {
    if (item && form) form.querySelector<HTMLInputElement>('#topic')?.focus();
  };
  return (
    <form
      ref={focusOnEdit}
      className="panel form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${prefix}-item-title`}
    >
      <h3 id={`${prefix}-item-title`}>
        {item ? t('lessons.editItem', { n: item.position }) : t('lessons.addItem')}
      </h3>
      <FormAlert message={errors.general} />
      <div className="form-row">
        <Field name="section" label={t('lessons.section')} {...bind('section')} maxLength={300} />
        <Field name="topic" label={t('lessons.topic')} {...bind('topic')} maxLength={500} />
        <Field name="hours" label={t('lessons.hours')} inputMode="decimal" {...bind('hours')} size={4} />
        <Field name="controlKind" label={t('lessons.controlKind')} {...bind('controlKind')} maxLength={100} />
        <Field name="plannedOn" type="date" label={t('lessons.plannedOn')} {...bind('plannedOn')} />
      </div>
      <p>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {item ? t('lessons.save') : t('lessons.add')}
        </button>{' '}
        {item && (
          <button type="button" className="button" onClick={onDone}>
            {t('lessons.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
