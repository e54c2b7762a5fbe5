import type { ImportReport } from '../../contract/imports.ts';
import { ApiError, toApiError } from '../app/api-error.ts';
import { getLanguage, tr } from '../i18n/language.ts';

/** The largest file the server accepts. */
export const maxFileBytes = 5 * 1024 * 1024;

/** A refused import: the server's message and the report of every row. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly report: ImportReport,
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

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
  let response: Response;
  try {
    response = await fetch(`${path}?filename=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': getLanguage(),
        'Content-Type': 'application/octet-stream',
        'X-CSRF-Token': csrfToken,
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', tr('error.network'));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) return body as ImportReport;
  const withReport = body as { message?: string; report?: ImportReport } | undefined;
  if (response.status === 400 && withReport?.report)
    throw new ImportRefused(withReport.message ?? '', withReport.report);
  throw toApiError(response.status, body, tr('error.unexpected'));
}
