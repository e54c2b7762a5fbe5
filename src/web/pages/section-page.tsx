import { Link } from 'wouter';
import { findNavItem, type NavGroup } from '../app/navigation.ts';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';

/** A section that later versions fill in: its title and a calm «being built» note; else «not found». */
export function SectionPage({ groups, path }: { groups: readonly NavGroup[]; path: string }) {
  const t = useT();
  const found = findNavItem(groups, path);
  const title = found ? t(found.item.label.key, found.item.label.params) : t('notFound.title');
  useDocumentTitle(title);
  const context = found?.section.title ?? found?.group.title;
  return (
    <>
      {context && <p className="eyebrow">{t(context.key, context.params)}</p>}
      <h1>{title}</h1>
      <p>{found ? t('placeholder.text') : t('notFound.text')}</p>
      <p>
        <Link href="/">{t('placeholder.back')}</Link>
      </p>
    </>
  );
}
