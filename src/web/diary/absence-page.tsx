import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { absenceNotice, noticeReasons } from '../../contract/diary.ts';
import { apiPost } from '../app/api.ts';
import type { PageProps } from '../app/page-route.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { Field } from '../components/field.tsx';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { ChildSwitcher } from './child-switcher.tsx';
import { refreshDiary, useNotices } from './diary-api.ts';
import { todayIso } from './diary-dates.ts';
import { NoticeList } from './notice-list.tsx';
import './diary.css';
import './diary-pages.css';

type Reason = (typeof noticeReasons)[number];
const reasons: readonly Reason[] = ['illness', 'excused'];
type Values = { fromDate: string; toDate: string; reason: string; comment: string };

/** «Сообщить об отсутствии»: a parent tells the school in advance; their notices below. */
export default function AbsencePage(props: PageProps) {
  const t = useT();
  const studentId = Number(props.params.id);
  const child = props.me.children.find((c) => c.id === studentId);
  const title = child ? t('diary.absenceTitleOf', { name: child.name }) : t('diary.absenceTitle');
  useDocumentTitle(title);
  const notices = useNotices(studentId);
  const [formKey, setFormKey] = useState(0);
  const [sent, setSent] = useState(false);
  const cancel = useMutation({
    mutationFn: (id: number) =>
      apiPost<z.infer<typeof absenceNotice>>(`/api/diary/${studentId}/absence-notices/${id}/cancel`),
    onSettled: () => refreshDiary(),
  });
  return (
    <section className="diary-page">
      <h1>{title}</h1>
      <ChildSwitcher me={props.me} studentId={studentId} page="absence" />
      <p className="diary-muted">{t('diary.absenceIntro')}</p>
      {sent && <Notice message={t('diary.sent')} />}
      <NoticeForm
        key={formKey}
        studentId={studentId}
        onSent={() => {
          setSent(true);
          setFormKey((k) => k + 1);
        }}
        onEdit={() => setSent(false)}
      />
      <h2 className="diary-section-title">{t('diary.noticesTitle')}</h2>
      <FormAlert message={notices.error?.message ?? cancel.error?.message} />
      {notices.isPending && <p className="loading">{t('app.loading')}</p>}
      {notices.data && (
        <NoticeList
          notices={notices.data.notices}
          onCancel={(id) => cancel.mutate(id)}
          busy={cancel.isPending}
          empty={t('diary.noNotices')}
        />
      )}
    </section>
  );
}

function NoticeForm({
  studentId,
  onSent,
  onEdit,
}: {
  studentId: number;
  onSent: () => void;
  onEdit: () => void;
}) {
  const t = useT();
  const today = todayIso();
  const [values, setValues] = useState<Values>({
    fromDate: today,
    toDate: today,
    reason: 'illness',
    comment: '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: (v: Values) =>
      apiPost<z.infer<typeof absenceNotice>>(`/api/diary/${studentId}/absence-notices`, {
        fromDate: v.fromDate,
        toDate: v.toDate,
        reason: v.reason,
        ...(v.comment.trim() ? { comment: v.comment.trim() } : {}),
      }),
    onSuccess: () => {
      void refreshDiary();
      onSent();
    },
  });
  const errors = useFormErrors(problems, save.error);
  const bind = (name: keyof Values) => ({
    value: values[name],
    error: errors.field(name),
    onChange: (e: { target: { value: string } }) => {
      save.reset();
      onEdit();
      setValues((v) => ({ ...v, [name]: e.target.value }));
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, ['fromDate', 'toDate', 'reason']);
    if (!found.toDate && !found.fromDate && values.toDate < values.fromDate)
      found.toDate = { key: 'diary.toBeforeFrom' };
    setProblems(found);
    save.reset();
    if (Object.keys(found).length === 0) save.mutate(values);
  };
  return (
    <form
      className="panel form diary-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('diary.absenceTitle')}
    >
      <FormAlert message={errors.general} />
      <div className="form-row">
        <Field name="fromDate" type="date" label={t('diary.fromDate')} {...bind('fromDate')} />
        <Field name="toDate" type="date" label={t('diary.toDate')} {...bind('toDate')} />
      </div>
      <SelectField
        name="reason"
        label={t('diary.reason')}
        options={reasons.map((r) => ({ value: r, label: t(`diary.noticeReason.${r}` as MessageKey) }))}
        {...bind('reason')}
      />
      <Field
        name="comment"
        label={t('diary.comment')}
        hint={t('diary.commentHint')}
        maxLength={500}
        {...bind('comment')}
      />
      <p>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('diary.send')}
        </button>
      </p>
    </form>
  );
}
