import { issuedHeader, parseSkipped, type SkipReason, skippedHeader } from '../../contract/credentials.ts';
import { ApiError, toApiError } from '../app/api-error.ts';
import { getLanguage, tr } from '../i18n/language.ts';

/** What issuing gave: the PDF and who was skipped. */
export interface IssuedSlips {
  pdf: Blob;
  issued: number;
  skipped: { personId: number; reason: SkipReason }[];
}

/**
 * Issues credentials and receives the PDF of slips as a blob: a JSON POST with the session's CSRF
 * token, like every write; errors come back as ApiError with the server's message and fields.
 */
export async function issueSlips(
  csrfToken: string,
  personIds: number[],
  reactivate: boolean,
): Promise<IssuedSlips> {
  let response: Response;
  try {
    response = await fetch('/api/credentials/issue', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/pdf, application/json',
        'Accept-Language': getLanguage(),
        'Content-Type': 'application/json',
        'X-CSRF-Token': csrfToken,
      },
      body: JSON.stringify({ personIds, reactivate }),
    });
  } catch {
    throw new ApiError(0, 'network', tr('error.network'));
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body, tr('error.unexpected'));
  }
  return {
    pdf: await response.blob(),
    issued: Number(response.headers.get(issuedHeader) ?? 0),
    skipped: parseSkipped(response.headers.get(skippedHeader)),
  };
}

/** Hands a blob to the browser as a download under a file name. */
export function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
