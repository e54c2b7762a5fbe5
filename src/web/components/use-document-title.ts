import { useEffect } from 'react';
import { useT } from '../i18n/use-t.ts';

/** Sets the browser tab title to «<page> — Отметка». */
export function useDocumentTitle(page: string): void {
  const t = useT();
  const product = t('app.name');
  useEffect(() => {
    document.title = page && page !== product ? `${page} — ${product}` : product;
  }, [page, product]);
}
