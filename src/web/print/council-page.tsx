import type { PageProps } from '../app/page-route.ts';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';

/** The class teacher records the teachers' council decision for each student of the class. */
export default function CouncilPage(_props: PageProps) {
  const t = useT();
  useDocumentTitle(t('council.title'));
  return <h1>{t('council.title')}</h1>;
}
