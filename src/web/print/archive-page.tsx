import type { PageProps } from '../app/page-route.ts';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';

/** The year archive of a class: PDFs, XLSX and a manifest of checksums in one file. */
export default function ArchivePage(_props: PageProps) {
  const t = useT();
  useDocumentTitle(t('archive.title'));
  return <h1>{t('archive.title')}</h1>;
}
