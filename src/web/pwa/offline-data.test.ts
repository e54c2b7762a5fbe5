import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiCacheName } from './offline-data.ts';

const worker = readFileSync(join(import.meta.dirname, '../public/sw.js'), 'utf8');

describe('the service worker and the web app', () => {
  it('name the same API cache, so sign-out clears what the worker keeps', () => {
    expect(worker).toContain(`const apiCache = '${apiCacheName}';`);
  });

  it('keep only the diary reads, /api/me and /api/setup offline, and only 200 answers', () => {
    expect(worker).toContain("const startPaths = ['/api/me', '/api/setup'];");
    expect(worker).toMatch(/startPaths\.includes\(url\.pathname\) \|\| diaryPath\.test/);
    expect(worker).toContain(String.raw`const diaryPath = /^\/api\/diary\/\d+\/(week|marks)(\/|$)/;`);
    expect(worker).toMatch(
      /if \(response\.status === 200 && asked === generation\) \{\s+event\.waitUntil\(store\(/,
    );
  });
});
