import type { PageProps } from '../app/page-route.ts';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';

/** The OneRoster 1.2 CSV export of the school, with a link to the import. */
export default function ExchangePage(_props: PageProps) {
  const t = useT();
  useDocumentTitle(t('exchange.title'));
  return <h1>{t('exchange.title')}</h1>;
}
