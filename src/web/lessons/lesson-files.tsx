import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import { type fileSaved, maxLessonFileBytes } from '../../contract/lessons.ts';
import { apiPost } from '../app/api.ts';
import { sendRawFile } from '../app/raw-file.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { errorMessage, formatSize, type LessonFile, lessonPaths, refreshLessons } from './lessons-api.ts';

/** The files attached to the homework: download links and, for an editor, upload and remove. */
export function LessonFiles({
  lessonId,
  files,
  canEdit,
  csrfToken,
}: {
  lessonId: number;
  files: LessonFile[];
  canEdit: boolean;
  csrfToken: string;
}) {
  const t = useT();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const units = { kb: t('lessons.kb'), mb: t('lessons.mb') };
  const upload = useMutation({
    mutationFn: (file: File) =>
      sendRawFile<z.infer<typeof fileSaved>>(
        `${lessonPaths.files(lessonId)}?name=${encodeURIComponent(file.name)}`,
        file,
        csrfToken,
      ),
    onSuccess: () => {
      if (inputRef.current) inputRef.current.value = '';
      return refreshLessons();
    },
  });
  const remove = useMutation({
    mutationFn: (fileId: number) => apiPost(lessonPaths.removeFile(fileId)),
    onSuccess: () => refreshLessons(),
  });
  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    upload.reset();
    setTooLarge(false);
    if (!file) return;
    if (file.size > maxLessonFileBytes) {
      setTooLarge(true);
      return;
    }
    upload.mutate(file);
  };
  return (
    <section className="panel lesson-files" aria-labelledby="lesson-files-title">
      <h2 id="lesson-files-title">{t('lessons.files')}</h2>
      {files.length === 0 ? (
        <p className="lessons-muted">{t('lessons.noFiles')}</p>
      ) : (
        <ul className="lesson-file-list">
          {files.map((f) => (
            <li key={f.id}>
              <a href={lessonPaths.file(f.id)} download={f.name}>
                {f.name}
              </a>{' '}
              <span className="lessons-muted">({formatSize(f.size, units)})</span>
              {canEdit && (
                <button
                  type="button"
                  className="button button-quiet lessons-small"
                  disabled={remove.isPending}
                  aria-label={t('lessons.removeFileLabel', { name: f.name })}
                  onClick={() => remove.mutate(f.id)}
                >
                  {t('lessons.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormAlert message={errorMessage(remove.error)} />
      {canEdit && (
        <div className="field">
          <label htmlFor={inputId}>{t('lessons.attach')}</label>
          <p className="field-hint" id={`${inputId}-hint`}>
            {t('lessons.attachHint', { size: formatSize(maxLessonFileBytes, units) })}
          </p>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            aria-describedby={`${inputId}-hint`}
            disabled={upload.isPending}
            onChange={onChoose}
          />
        </div>
      )}
      {upload.isPending && <p role="status">{t('lessons.uploading')}</p>}
      {tooLarge && (
        <FormAlert message={t('lessons.fileTooLarge', { size: formatSize(maxLessonFileBytes, units) })} />
      )}
      <FormAlert message={errorMessage(upload.error)} />
    </section>
  );
}
