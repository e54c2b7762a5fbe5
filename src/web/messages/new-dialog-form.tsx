import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiPost } from '../app/api.ts';
import { type Problems, requireFilled } from '../app/validate.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { SelectField } from '../components/select-field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { ComposeTail } from './compose-tail.tsx';
import {
  type MessageFile,
  messagePaths,
  refreshMessages,
  type ThreadPage,
  useContacts,
} from './messages-api.ts';

/**
 * «Новое сообщение»: a dialog about a student with people from the contacts. A parent writes about
 * the page's child (`studentId`); others choose the student among their contacts.
 */
export function NewDialogForm({
  studentId,
  csrfToken,
  onDone,
  onCancel,
}: {
  studentId: number | null;
  csrfToken: string;
  onDone: (threadId: number | null) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const contacts = useContacts(studentId, true);
  const [student, setStudent] = useState(studentId ? String(studentId) : '');
  const [to, setTo] = useState<number[]>([]);
  const [values, setValues] = useState({ subject: '', body: '' });
  const [files, setFiles] = useState<MessageFile[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const send = useMutation({
    mutationFn: () =>
      apiPost<ThreadPage>(messagePaths.newThread, {
        studentId: Number(student),
        to,
        subject: values.subject,
        body: values.body,
        fileIds: files.map((f) => f.id),
      }),
    onSuccess: async (answer) => {
      await refreshMessages();
      onDone(answer?.thread?.id ?? null);
    },
  });
  const errors = useFormErrors(problems, send.error);
  const all = contacts.data?.contacts ?? [];
  const students = [...new Map(all.map((c) => [c.studentId, c.student])).entries()];
  const people = all.filter((c) => String(c.studentId) === student);
  const submit = () => {
    const found = requireFilled({ ...values, studentId: student }, ['studentId', 'subject', 'body']);
    if (to.length === 0) found.to = { key: 'messages.chooseRecipient' };
    setProblems(found);
    send.reset();
    if (Object.keys(found).length === 0) send.mutate();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };
  const toggle = (personId: number, on: boolean) =>
    setTo((list) => (on ? [...list, personId] : list.filter((x) => x !== personId)));
  const toError = errors.field('to');
  return (
    <form className="panel form msg-compose" onSubmit={onSubmit} noValidate aria-labelledby="msg-new-title">
      <h2 id="msg-new-title">{t('messages.new')}</h2>
      <FormAlert message={errors.general ?? contacts.error?.message} />
      {contacts.isPending && <p className="loading">{t('app.loading')}</p>}
      {contacts.data && all.length === 0 && <p>{t('messages.noContacts')}</p>}
      {studentId === null && students.length > 0 && (
        <SelectField
          name="studentId"
          label={t('messages.student')}
          value={student}
          error={errors.field('studentId')}
          options={[
            { value: '', label: t('messages.chooseStudent') },
            ...students.map(([id, name]) => ({ value: String(id), label: name })),
          ]}
          onChange={(e) => {
            setStudent(e.target.value);
            setTo([]);
          }}
        />
      )}
      {people.length > 0 && (
        <fieldset aria-describedby={toError ? 'to-error' : undefined}>
          <legend>{t('messages.recipients')}</legend>
          {people.map((c) => (
            <label key={c.personId} className="msg-check">
              <input
                type="checkbox"
                checked={to.includes(c.personId)}
                onChange={(e) => toggle(c.personId, e.target.checked)}
              />
              <span>
                {c.name} <span className="msg-muted">({c.role})</span>
              </span>
            </label>
          ))}
          {toError && (
            <p className="field-error" id="to-error">
              {toError}
            </p>
          )}
        </fieldset>
      )}
      {people.length === 0 && toError && <p className="field-error">{toError}</p>}
      <ComposeTail
        names={{ subject: 'subject', body: 'body' }}
        values={values}
        onValues={(change) => setValues((v) => ({ ...v, ...change }))}
        errorOf={(field) => errors.field(field)}
        files={files}
        onFiles={setFiles}
        csrfToken={csrfToken}
        pending={send.isPending}
        submitLabel={t('messages.send')}
        onSubmit={submit}
        onCancel={onCancel}
      />
    </form>
  );
}
