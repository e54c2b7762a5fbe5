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
      name: 'POST /api/auth/login (teacher)',
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoCredentials('teacher')),
    },
    { name: 'GET /api/me (teacher)', method: 'GET', path: '/api/me', headers: { cookie: cookies.teacher } },
    { name: 'GET /api/me (parent)', method: 'GET', path: '/api/me', headers: { cookie: cookies.parent } },
  ];
}
