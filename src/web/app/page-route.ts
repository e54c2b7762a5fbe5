import type { ComponentType, LazyExoticComponent } from 'react';
import type { Me } from '../../contract/auth.ts';

/** What every page receives: who is signed in and the parameters of its address. */
export interface PageProps {
  me: Me;
  params: Readonly<Record<string, string | undefined>>;
}

/** An address pattern (wouter syntax, e.g. `/class/:id/subgroups`) and the page it shows. */
export interface PageRoute {
  path: string;
  page: LazyExoticComponent<ComponentType<PageProps>>;
}
