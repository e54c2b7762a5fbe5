import type { PageProps } from '../app/page-route.ts';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';

/** The OneRoster roster import: upload, preview, per-row report, all or nothing. */
export default function RosterImportPage(_props: PageProps) {
  const t = useT();
  useDocumentTitle(t('rosterImport.title'));
  return <h1>{t('rosterImport.title')}</h1>;
}
