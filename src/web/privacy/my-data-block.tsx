import { myDataPath } from '../../contract/privacy.ts';
import { useT } from '../i18n/use-t.ts';

/** «Мои данные»: the parent downloads everything held about them and their children (152-ФЗ). */
export function MyDataBlock() {
  const t = useT();
  return (
    <section className="panel notify-section" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('privacy.title')}</h2>
      <p>{t('privacy.hint')}</p>
      <a className="button" href={myDataPath} download>
        {t('privacy.download')}
      </a>
    </section>
  );
}
