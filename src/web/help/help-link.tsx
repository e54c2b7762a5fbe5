import { useT } from '../i18n/use-t.ts';
import { type HelpTarget, helpHref } from './help-map.ts';

/** «Помощь»: the guide's section about the current page, in a new tab (the page stays as it was). */
export function HelpLink({ target }: { target: HelpTarget }) {
  const t = useT();
  return (
    <a
      href={helpHref(target)}
      target="_blank"
      rel="noopener"
      className="button button-quiet help-link"
      title={t('help.linkHint')}
    >
      {t('help.link')}
      <span className="visually-hidden"> {t('help.newTab')}</span>
    </a>
  );
}
