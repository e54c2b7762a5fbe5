import { Link } from 'wouter';
import type { Me } from '../../contract/auth.ts';
import { useT } from '../i18n/use-t.ts';

/**
 * Segmented links between a parent's children that keep the same page (and its query, e.g. the
 * week): shown only to a parent with more than one child, on a `/children/:id/…` page.
 */
export function ChildSwitcher({
  me,
  studentId,
  page,
  search = '',
}: {
  me: Me;
  studentId: number;
  page: 'diary' | 'marks' | 'absence';
  search?: string;
}) {
  const t = useT();
  if (me.children.length < 2 || !me.children.some((c) => c.id === studentId)) return null;
  return (
    <nav className="diary-children" aria-label={t('diary.children')}>
      {me.children.map((child) => (
        <Link
          key={child.id}
          href={`/children/${child.id}/${page}${search}`}
          className="diary-segment"
          aria-current={child.id === studentId ? 'page' : undefined}
        >
          {child.className ? `${child.name}, ${child.className}` : child.name}
        </Link>
      ))}
    </nav>
  );
}
