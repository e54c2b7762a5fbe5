import type { Scenario } from './load.ts';
import { demoCredentials } from './session.ts';

/** The ceiling: the bare Fastify route of `ceiling-server.ts`. */
export const ceilingScenario: Scenario = {
  name: 'ceiling: bare Fastify GET / → {}',
  method: 'GET',
  path: '/',
};

/** The scenarios against Otmetka; later issues add theirs here. `cookies` are sessions by demo login. */
export function appScenarios(cookies: { teacher: string; parent: string }): Scenario[] {
  return [
    { name: 'GET /api/health', method: 'GET', path: '/api/health' },
    {
      // Seven demo accounts in turn: one person's parallel attempts would meet the login throttle.
      name: 'POST /api/auth/login (7 demo accounts)',
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      bodies: ['admin', 'director', 'deputy', 'teacher', 'parent', 'student', 'district'].map((login) =>
        JSON.stringify(demoCredentials(login)),
      ),
    },
    { name: 'GET /api/me (teacher)', method: 'GET', path: '/api/me', headers: { cookie: cookies.teacher } },
    { name: 'GET /api/me (parent)', method: 'GET', path: '/api/me', headers: { cookie: cookies.parent } },
  ];
}
