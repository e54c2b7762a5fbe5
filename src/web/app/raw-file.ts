import type { ImportReport } from '../../contract/imports.ts';
import { getLanguage, tr } from '../i18n/language.ts';
import { ApiError, toApiError } from './api-error.ts';

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
 * Sends a file as the raw request body (the API takes no multipart forms) and resolves with the
 * server's JSON answer. A 400 carrying an import report rejects with ImportRefused; any other
 * refusal with the server's ApiError; no connection with a network ApiError.
 */
export async function sendRawFile<T>(path: string, file: File, csrfToken: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
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
  if (response.ok) return body as T;
  const refused = body as { message?: string; report?: ImportReport } | undefined;
  if (response.status === 400 && refused?.report)
    throw new ImportRefused(refused.message ?? '', refused.report);
  throw toApiError(response.status, body, tr('error.unexpected'));
}
