import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';
import { engines } from '../../test/databases.ts';
import type { Database } from './db/database.ts';

const html = `<!doctype html><html><head><title>Отметка</title></head><body>${'<p>shell</p>'.repeat(50)}</body></html>`;
const script = `console.log(${JSON.stringify('x'.repeat(2000))});`;
const worker = `self.addEventListener('fetch', () => {}); // ${'w'.repeat(500)}`;

/** A built web app in miniature: the shell, a hashed asset and the worker, each with .gz and .br twins. */
function webFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'otmetka-web-'));
  mkdirSync(join(dir, 'assets'));
  const files: Record<string, string> = {
    'index.html': html,
    'assets/app-abc123.js': script,
    'sw.js': worker,
    'manifest.webmanifest': JSON.stringify({ name: 'Отметка', pad: 'm'.repeat(500) }),
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, `${name}.gz`), gzipSync(text, { level: 9 }));
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(text));
  }
  return dir;
}

describe.each(engines())('static files on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    database = await engine.open();
    dir = webFixture();
    app = await testApp(database, { WEB_DIR: dir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the gzip twin of an asset to a browser that accepts gzip, long-cached', async () => {
    const res = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.rawPayload).toString()).toBe(script);
  });

  it('prefers brotli when accepted, and sends the plain file when nothing is', async () => {
    const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const plain = await app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('sends the shell compressed for any page address, never long-cached', async () => {
    const res = await app.inject({ url: '/children/1/diary', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(gunzipSync(res.rawPayload).toString()).toBe(html);
  });

  it('serves the service worker from the root with no-cache, and the manifest with its type', async () => {
    const sw = await app.inject({ url: '/sw.js', headers: { 'accept-encoding': 'gzip' } });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(gunzipSync(sw.rawPayload).toString()).toBe(worker);
    const manifest = await app.inject({ url: '/manifest.webmanifest' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    // The default CSP lets a same-origin worker and manifest load (worker-src and manifest-src fall back to 'self').
    expect(manifest.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(manifest.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('still answers unknown API addresses with JSON, not the shell', async () => {
    const res = await app.inject({ url: '/api/nope', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });

  it('answers a missing built file with 404, not the shell (an old tab asks for a replaced chunk)', async () => {
    const res = await app.inject({ url: '/assets/gone-123abc.js' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('shell');
  });
});
