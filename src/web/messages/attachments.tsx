import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { maxMessageFileBytes, maxMessageFiles } from '../../contract/messages.ts';
import { sendRawFile } from '../app/raw-file.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { errorText, formatSize, type MessageFile, messagePaths } from './messages-api.ts';

/** The files chosen for a message being written: uploaded at once, sent later by their ids. */
export function Attachments({
  files,
  onChange,
  csrfToken,
  disabled,
}: {
  files: MessageFile[];
  onChange: (files: MessageFile[]) => void;
  csrfToken: string;
  disabled?: boolean;
}) {
  const t = useT();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const units = { kb: t('messages.kb'), mb: t('messages.mb') };
  const limit = formatSize(maxMessageFileBytes, units);
  const upload = useMutation({
    mutationFn: (file: File) => sendRawFile<MessageFile>(messagePaths.upload(file.name), file, csrfToken),
    onSuccess: (saved) => {
      if (inputRef.current) inputRef.current.value = '';
      onChange([...files, saved]);
    },
  });
  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    upload.reset();
    setTooLarge(null);
    if (!file) return;
    if (file.size > maxMessageFileBytes) {
      setTooLarge(file.name);
      event.target.value = '';
      return;
    }
    upload.mutate(file);
  };
  const full = files.length >= maxMessageFiles;
  return (
    <div className="msg-attachments">
      {files.length > 0 && (
        <ul className="msg-file-list" aria-label={t('messages.attached')}>
          {files.map((f) => (
            <li key={f.id}>
              <span>{f.name}</span> <span className="msg-muted">({formatSize(f.size, units)})</span>{' '}
              <button
                type="button"
                className="button button-quiet msg-small"
                aria-label={t('messages.removeFile', { name: f.name })}
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
              >
                {t('messages.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!full && (
        <div className="field">
          <label htmlFor={inputId}>{t('messages.attach')}</label>
          <p className="field-hint" id={`${inputId}-hint`}>
            {t('messages.attachHint', { size: limit, n: maxMessageFiles })}
          </p>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            aria-describedby={`${inputId}-hint`}
            disabled={disabled || upload.isPending}
            onChange={onChoose}
          />
        </div>
      )}
      {upload.isPending && <p role="status">{t('messages.uploading')}</p>}
      {tooLarge && <FormAlert message={t('messages.fileTooLarge', { name: tooLarge, size: limit })} />}
      <FormAlert message={errorText(upload.error, t('error.unexpected'))} />
    </div>
  );
}
