import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';

/** The state of backups per destination, the runs, and a backup on demand. */
export default function BackupsPage() {
  const t = useT();
  useDocumentTitle(t('backups.title'));
  return <h1>{t('backups.title')}</h1>;
}
