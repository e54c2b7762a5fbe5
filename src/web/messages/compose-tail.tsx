import { Field } from '../components/field.tsx';
import { useT } from '../i18n/use-t.ts';
import { Attachments } from './attachments.tsx';
import { isSendKey, TextAreaField } from './compose-pieces.tsx';
import type { MessageFile } from './messages-api.ts';

/** What the subject and text fields hold. */
export interface SubjectAndBody {
  subject: string;
  body: string;
}

/**
 * The common end of a new message and an announcement: subject, text (Ctrl+Enter sends),
 * attachments, and the send and cancel buttons.
 */
export function ComposeTail({
  names,
  values,
  onValues,
  errorOf,
  files,
  onFiles,
  csrfToken,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  /** The fields' names (and ids), distinct per form on one page. */
  names: { subject: string; body: string };
  values: SubjectAndBody;
  onValues: (change: Partial<SubjectAndBody>) => void;
  errorOf: (field: 'subject' | 'body') => string | undefined;
  files: MessageFile[];
  onFiles: (files: MessageFile[]) => void;
  csrfToken: string;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <>
      <Field
        name={names.subject}
        label={t('messages.subject')}
        value={values.subject}
        maxLength={200}
        error={errorOf('subject')}
        onChange={(e) => onValues({ subject: e.target.value })}
      />
      <TextAreaField
        name={names.body}
        label={t('messages.text')}
        value={values.body}
        error={errorOf('body')}
        onChange={(e) => onValues({ body: e.target.value })}
        onKeyDown={(e) => {
          if (isSendKey(e)) {
            e.preventDefault();
            if (!pending) onSubmit();
          }
        }}
      />
      <Attachments files={files} onChange={onFiles} csrfToken={csrfToken} disabled={pending} />
      <p className="msg-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('messages.sending') : submitLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('messages.cancel')}
        </button>
      </p>
    </>
  );
}
