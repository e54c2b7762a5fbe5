import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../app/api-error.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { type Remark, refreshRemarks, remarkActions } from './remarks-api.ts';
import './remarks.css';

/** Props of the remark form: the course, maybe its lesson, and what to do once written. */
export interface RemarkFormProps {
  courseId: number;
  lessonId?: number | null | undefined;
  onDone?: ((remark: Remark) => void) | undefined;
}

/**
 * «Замечание» + «Записать замечание»: the leadership writes a remark on a course's journal (and
 * the lesson, when one is given). Errors stand beside the field; the lists refresh once written.
 */
export function RemarkForm({ courseId, lessonId, onDone }: RemarkFormProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [short, setShort] = useState(false);
  const [written, setWritten] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      remarkActions.create({ courseId, text: text.trim(), ...(lessonId ? { lessonId } : {}) }),
    onSuccess: async (remark) => {
      setText('');
      setWritten(true);
      await refreshRemarks();
      onDone?.(remark);
    },
  });
  const apiError = create.error instanceof ApiError ? create.error : undefined;
  const fieldError =
    (short ? t('remarks.tooShort') : undefined) ?? apiError?.fields.text ?? apiError?.fields.lessonId;
  const general = fieldError
    ? undefined
    : create.error
      ? (apiError?.message ?? t('error.unexpected'))
      : undefined;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setWritten(false);
    const tooShort = text.trim().length < 3;
    setShort(tooShort);
    if (!tooShort) create.mutate();
  };
  const textId = `${id}-text`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <form className="remark-form" onSubmit={onSubmit} noValidate>
      <FormAlert message={general} />
      <div className={fieldError ? 'field field-invalid' : 'field'}>
        <label htmlFor={textId}>{t('remarks.form')}</label>
        <p className="field-hint" id={hintId}>
          {t('remarks.formHint')}
          {lessonId ? ` ${t('remarks.formLesson')}` : ''}
        </p>
        <textarea
          id={textId}
          name="text"
          className="input"
          rows={3}
          maxLength={2000}
          value={text}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${hintId} ${errorId}` : hintId}
          onChange={(e) => {
            setText(e.target.value);
            setWritten(false);
          }}
        />
        {fieldError && (
          <p className="field-error" id={errorId}>
            {fieldError}
          </p>
        )}
      </div>
      <p className="form-row">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('remarks.write')}
        </button>
        {written && (
          <span role="status" className="remark-done">
            {t('remarks.written')}
          </span>
        )}
      </p>
    </form>
  );
}
