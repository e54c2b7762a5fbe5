import type { PageProps } from '../app/page-route.ts';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';

/** Printing the class journal, report cards and extracts, with the progress of large prints. */
export default function PrintPage(_props: PageProps) {
  const t = useT();
  useDocumentTitle(t('print.title'));
  return <h1>{t('print.title')}</h1>;
}
