/** The login the bench uses: every demo account has the password `demo`. */
export const demoCredentials = (login: string) => ({ login, password: 'demo' });

/**
 * Logs a demo account in through the API and returns its `Cookie` header value; throws with the
 * status and body when the login is refused, so a broken login stops the bench early.
 */
export async function sessionCookieOf(baseUrl: string, login: string): Promise<string> {
  return (await sessionOf(baseUrl, login)).cookie;
}

/** Logs a demo account in: its `Cookie` header value and the CSRF token writes must send. */
export async function sessionOf(baseUrl: string, login: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demoCredentials(login)),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`login as ${login}: ${response.status} ${body}`);
  const csrf = String((JSON.parse(body) as { csrfToken?: unknown }).csrfToken ?? '');
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('otmetka_session='));
  if (!cookie) throw new Error(`login as ${login}: no otmetka_session cookie`);
  const me = await fetch(`${baseUrl}/api/me`, { headers: { cookie } });
  await me.arrayBuffer();
  if (me.status !== 200) throw new Error(`GET /api/me as ${login}: ${me.status}`);
  return { cookie, csrf };
}
