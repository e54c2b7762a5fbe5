import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import type { Me } from '../../contract/auth.ts';
import type { NavGroup } from '../app/navigation.ts';
import { fullName } from '../app/person.ts';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';

// The leadership's figures load on their own, so that nobody else's home page carries them.
const DirectorFigures = lazy(() => import('../reports/director-figures.tsx'));

/**
 * Home: who the person is; for the director and the deputy the school's four figures; and for
 * each held role a section of links to its parts of the app.
 */
export function HomePage({ me, groups }: { me: Me; groups: readonly NavGroup[] }) {
  const t = useT();
  const name = fullName(me.person);
  useDocumentTitle(name);
  const roleNames = groups.map((g) => t(g.title.key, g.title.params)).join(', ');
  const school = me.schools.map((s) => s.name).join(', ');
  return (
    <>
      <h1>{name}</h1>
      <div className="intro">
        {school && <p>{t('home.school', { school })}</p>}
        {me.district && <p>{t('home.district', { district: me.district.name })}</p>}
        <p>{groups.length > 0 ? t('home.roles', { roles: roleNames }) : t('home.noRoles')}</p>
      </div>
      {(me.roles.includes('director') || me.roles.includes('deputy')) && (
        <Suspense fallback={null}>
          <DirectorFigures me={me} />
        </Suspense>
      )}
      {groups.map((group) => (
        <section
          key={group.id}
          className="role-section"
          aria-labelledby={`role-${group.id}`}
          data-testid={`role-${group.id}`}
        >
          <h2 id={`role-${group.id}`}>{t(group.title.key, group.title.params)}</h2>
          {group.id === 'parent' && group.sections.length === 0 && <p>{t('home.noChildren')}</p>}
          {group.sections.map((section, index) => (
            <div key={section.title ? JSON.stringify(section.title.params) : index}>
              {section.title && <h3>{t(section.title.key, section.title.params)}</h3>}
              <ul className="tiles">
                {section.items.map((item) => (
                  <li key={item.path}>
                    <Link href={item.path} className="tile">
                      {t(item.label.key, item.label.params)}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
