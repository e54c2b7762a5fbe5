import { useT } from '../i18n/use-t.ts';

/** The colour family of a mark: by its first digit; words («зач», «н/а») are neutral. */
export function markTone(value: string): string {
  const digit = /[1-5]/.exec(value)?.[0];
  if (digit === '5') return 'diary-mark-5';
  if (digit === '4') return 'diary-mark-4';
  if (digit === '3') return 'diary-mark-3';
  if (digit === '2' || digit === '1') return 'diary-mark-2';
  return 'diary-mark-other';
}

/** What a mark badge shows. */
export interface BadgeMark {
  value: string;
  workKind: string;
  weight: number;
  comment: string | null;
}

/**
 * A mark as a coloured badge: the digit always shown, the work kind under it (and `extra`, e.g.
 * the date); the weight and comment in its title and in text for screen readers.
 */
export function MarkBadge({ mark, extra }: { mark: BadgeMark; extra?: string }) {
  const t = useT();
  const params = { value: mark.value, kind: mark.workKind, weight: mark.weight, comment: mark.comment ?? '' };
  const title = t(mark.comment ? 'diary.markTitleComment' : 'diary.markTitle', params);
  return (
    <span className={`diary-mark ${markTone(mark.value)}`} title={title}>
      <span className="diary-mark-value" aria-hidden="true">
        {mark.value}
      </span>
      <span className="diary-mark-kind" aria-hidden="true">
        {extra ? `${extra} · ${mark.workKind}` : mark.workKind}
      </span>
      {mark.comment && (
        <span className="diary-mark-comment" aria-hidden="true">
          {mark.comment}
        </span>
      )}
      <span className="visually-hidden">
        {`${extra ? `${extra}. ` : ''}${t(mark.comment ? 'diary.markHiddenComment' : 'diary.markHidden', params)}`}
      </span>
    </span>
  );
}
