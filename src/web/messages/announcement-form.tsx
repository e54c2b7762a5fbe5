import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPost } from '../app/api.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { ComposeTail } from './compose-tail.tsx';
import { type MessageFile, messagePaths, refreshMessages, type ThreadPage } from './messages-api.ts';

/** «Объявление»: to one of the class teacher's classes, or to the whole school for leadership. */
export function AnnouncementForm({
  classes,
  school,
  csrfToken,
  onDone,
  onCancel,
}: {
  /** The classes the actor may announce to (as class teacher). */
  classes: readonly { id: number; name: string }[];
  /** Whether the actor may announce to the whole school. */
  school: boolean;
  csrfToken: string;
  onDone: (threadId: number | null) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const first = classes[0] ? String(classes[0].id) : 'school';
  const [values, setValues] = useState({ target: school ? 'school' : first, subject: '', body: '' });
  const [toStudents, setToStudents] = useState(false);
  const [files, setFiles] = useState<MessageFile[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const send = useMutation({
    mutationFn: () =>
      apiPost<ThreadPage>(messagePaths.announcements, {
        ...(values.target === 'school' ? {} : { classId: Number(values.target) }),
        subject: values.subject,
        body: values.body,
        fileIds: files.map((f) => f.id),
        toStudents,
      }),
    onSuccess: async (answer) => {
      await refreshMessages();
      onDone(answer?.thread?.id ?? null);
    },
  });
  const errors = useFormErrors(problems, send.error);
  const submit = () => {
    const found = requireFilled(values, ['subject', 'body']);
    setProblems(found);
    send.reset();
    if (Object.keys(found).length === 0) send.mutate();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };
  const targets = [
    ...(school ? [{ value: 'school', label: t('messages.wholeSchool') }] : []),
    ...classes.map((c) => ({ value: String(c.id), label: t('messages.classTarget', { name: c.name }) })),
  ];
  return (
    <form className="panel form msg-compose" onSubmit={onSubmit} noValidate aria-labelledby="msg-ann-title">
      <h2 id="msg-ann-title">{t('messages.announcement')}</h2>
      <FormAlert message={errors.general} />
      <SelectField
        name="target"
        label={t('messages.to')}
        value={values.target}
        error={errors.field('classId')}
        options={targets}
        onChange={(e) => setValues((v) => ({ ...v, target: e.target.value }))}
      />
      <label className="msg-check">
        <input type="checkbox" checked={toStudents} onChange={(e) => setToStudents(e.target.checked)} />
        <span>{t('messages.toStudents')}</span>
      </label>
      <ComposeTail
        names={{ subject: 'annSubject', body: 'annBody' }}
        values={values}
        onValues={(change) => setValues((v) => ({ ...v, ...change }))}
        errorOf={(field) => errors.field(field)}
        files={files}
        onFiles={setFiles}
        csrfToken={csrfToken}
        pending={send.isPending}
        submitLabel={t('messages.publish')}
        onSubmit={submit}
        onCancel={onCancel}
      />
    </form>
  );
}
