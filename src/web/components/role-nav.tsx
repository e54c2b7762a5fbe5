import { Link, useLocation } from 'wouter';
import type { NavGroup } from '../app/navigation.ts';
import { useT } from '../i18n/use-t.ts';

/** The side (desktop) or drop-down (phone) navigation: each held role with its sections. */
export function RoleNav({ groups, open, id }: { groups: readonly NavGroup[]; open: boolean; id: string }) {
  const t = useT();
  const [location] = useLocation();
  const current = (path: string) => (location === path ? 'page' : undefined);
  return (
    <nav id={id} className="side-nav" data-open={open} aria-label={t('shell.navigation')}>
      <ul className="nav-list">
        <li>
          <Link href="/" className="nav-link" aria-current={current('/')}>
            {t('shell.home')}
          </Link>
        </li>
      </ul>
      {groups.map((group) => (
        <div key={group.id} className="nav-group">
          <p className="nav-group-title" id={`nav-${group.id}`}>
            {t(group.title.key, group.title.params)}
          </p>
          {group.sections.map((section, index) => (
            <ul
              key={section.title ? JSON.stringify(section.title.params) : index}
              className="nav-list"
              aria-labelledby={`nav-${group.id}`}
            >
              {section.title && (
                <li className="nav-subtitle">{t(section.title.key, section.title.params)}</li>
              )}
              {section.items.map((item) => (
                <li key={item.path}>
                  <Link href={item.path} className="nav-link" aria-current={current(item.path)}>
                    {t(item.label.key, item.label.params)}
                  </Link>
                </li>
              ))}
            </ul>
          ))}
        </div>
      ))}
      <ul className="nav-list nav-account">
        <li>
          <Link href="/password" className="nav-link" aria-current={current('/password')}>
            {t('shell.changePassword')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
