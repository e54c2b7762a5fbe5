import type { ImportReport } from '../../contract/imports.ts';
import { sendRawFile } from '../app/raw-file.ts';

export { ImportRefused } from '../app/raw-file.ts';

/** The largest file the server accepts. */
export const maxFileBytes = 5 * 1024 * 1024;

/**
 * Sends a file as the raw request body (the API takes no multipart forms) to the preview or the
 * import of a class; a 400 carrying a report rejects with ImportRefused, other errors with ApiError.
 */
export async function sendImportFile(
  classId: number,
  file: File,
  csrfToken: string,
  step: 'preview' | 'import',
): Promise<ImportReport> {
  const path = `/api/classes/${classId}/imports/students${step === 'preview' ? '/preview' : ''}`;
  return sendRawFile<ImportReport>(`${path}?filename=${encodeURIComponent(file.name)}`, file, csrfToken);
}
