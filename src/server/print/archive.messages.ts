import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the year archive. */
export const messages = defineMessages(
  {
    archiveNotZip: 'Файл не читается как ZIP-архив: он повреждён или это не архив.',
    archiveNoManifest: 'В архиве нет manifest.json: это не архив Отметки или его содержимое изменено.',
    archiveBadManifest:
      'manifest.json не читается: это не опись архива Отметки (формат otmetka-year-archive/1).',
    archiveNoSums: 'В архиве нет SHA256SUMS.',
    archiveSumsDisagree: 'SHA256SUMS не совпадает с manifest.json для «{file}».',
    archiveSumsUnreadable: 'В SHA256SUMS есть строки, которые не читаются.',
    archiveFileChanged:
      '«{file}» изменён: размер или контрольная сумма SHA-256 не совпадают с manifest.json.',
    archiveFileMissing: '«{file}» отсутствует в архиве.',
    archiveFileExtra: '«{file}» — лишний файл: его нет в manifest.json.',
    archiveEmptyUpload: 'Выберите файл архива (ZIP) для проверки.',
    archiveUnsupportedMediaType:
      'Отправьте сам файл архива (Content-Type: application/zip или application/octet-stream).',
  },
  {
    archiveNotZip: 'The file cannot be read as a ZIP archive: it is damaged or not an archive.',
    archiveNoManifest:
      'The archive has no manifest.json: it is not an Otmetka archive or its contents were changed.',
    archiveBadManifest:
      'manifest.json cannot be read: it is not an Otmetka archive manifest (format otmetka-year-archive/1).',
    archiveNoSums: 'The archive has no SHA256SUMS.',
    archiveSumsDisagree: 'SHA256SUMS disagrees with manifest.json about «{file}».',
    archiveSumsUnreadable: 'SHA256SUMS has lines that cannot be read.',
    archiveFileChanged: '«{file}» was changed: its size or SHA-256 checksum differs from manifest.json.',
    archiveFileMissing: '«{file}» is missing from the archive.',
    archiveFileExtra: '«{file}» is an extra file: manifest.json does not list it.',
    archiveEmptyUpload: 'Choose an archive file (ZIP) to check.',
    archiveUnsupportedMediaType:
      'Send the archive file itself (Content-Type: application/zip or application/octet-stream).',
  },
);

/** Field labels of the year archive (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({ archiveFile: 'Файл архива' }, { archiveFile: 'Archive file' });
