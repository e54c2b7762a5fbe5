import { Link, useLocation } from 'wouter';
import type { NavGroup, NavItem, NavSection } from '../app/navigation.ts';
import { useT } from '../i18n/use-t.ts';

/** Props of the role navigation; `counts` are the unread counts shown beside some links. */
export type RoleNavProps = {
  groups: readonly NavGroup[];
  open: boolean;
  id: string;
  counts?: ReadonlyMap<string, number>;
};

/** The side (desktop) or drop-down (phone) navigation: each held role with its sections. */
export function RoleNav({ groups, open, id, counts }: RoleNavProps) {
  const t = useT();
  const [location] = useLocation();
  const link = (path: string, label: string) => {
    const count = counts?.get(path) ?? 0;
    return (
      <li key={path}>
        <Link href={path} className="nav-link" aria-current={location === path ? 'page' : undefined}>
          {label}
          {count > 0 && (
            <>
              <span className="nav-count" aria-hidden="true">
                {count}
              </span>
              <span className="visually-hidden"> ({t('messages.unreadBadge', { n: count })})</span>
            </>
          )}
        </Link>
      </li>
    );
  };
  const items = (list: readonly NavItem[]) =>
    list.map((item) => link(item.path, t(item.label.key, item.label.params)));
  const section = (sec: NavSection, index: number) =>
    sec.title ? (
      <li key={sec.items[0]?.path ?? index}>
        <span className="nav-subtitle">{t(sec.title.key, sec.title.params)}</span>
        <ul className="nav-list nav-nested">{items(sec.items)}</ul>
      </li>
    ) : (
      items(sec.items)
    );

  return (
    <nav id={id} className="side-nav" data-open={open} aria-label={t('shell.navigation')}>
      <ul className="nav-list">{link('/', t('shell.home'))}</ul>
      {groups.map((group) => (
        <div key={group.id} className="nav-group">
          <p className="nav-group-title" id={`nav-${group.id}`}>
            {t(group.title.key, group.title.params)}
          </p>
          {group.sections.length > 0 && (
            <ul className="nav-list" aria-labelledby={`nav-${group.id}`}>
              {group.sections.map(section)}
            </ul>
          )}
        </div>
      ))}
      <ul className="nav-list nav-account">{link('/password', t('shell.changePassword'))}</ul>
    </nav>
  );
}
