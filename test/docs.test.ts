import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/server/config.ts';
import type { Database } from '../src/server/db/database.ts';
import { testApp } from './app.ts';
import { engines } from './databases.ts';

const read = (path: string) => readFileSync(path, 'utf8');
const docs = { ru: read('docs/OPERATIONS.ru.md'), en: read('docs/OPERATIONS.md') };
const unit = read('deploy/otmetka.service');
const wrapper = read('deploy/otmetka');
const dockerfile = read('Dockerfile');

/** The variables config.ts reads: the keys of its environment schema. */
function configVariables(): string[] {
  const source = read('src/server/config.ts');
  const schema = source.slice(source.indexOf('const envSchema'), source.indexOf('});'));
  return [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

/** The CLI's usage text, as `otmetka --help` prints it. */
function usageLines(): string[] {
  const source = read('src/server/cli/main.ts');
  const usage = /const usage = `([^`]*)`/.exec(source)?.[1] ?? '';
  return usage
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('otmetka '));
}

/** Lines of code in a Markdown text: fenced blocks and inline spans. */
function codeLines(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
  const prose = markdown.replace(/```[a-z]*\n[\s\S]*?```/g, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  return [...blocks, ...spans];
}

/** Every `otmetka …` command a text tells people to run: its words and its flags. */
function commands(markdown: string): { words: string; flags: string[] }[] {
  const found: { words: string; flags: string[] }[] = [];
  for (const line of codeLines(markdown)) {
    const start = /(?:^|\$ |sudo |exec \S+ |otmetka\.js )otmetka((?: [a-z][a-z-]*(?=\s|$))*)(.*)$/.exec(
      line.trim(),
    );
    const alsoScript = /bin\/otmetka\.js((?: [a-z][a-z-]*(?=\s|$))+)(.*)$/.exec(line.trim());
    for (const m of [start, alsoScript]) {
      if (!m) continue;
      const flags = [...(m[2] ?? '').matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((f) => f[1]!);
      found.push({ words: `otmetka${m[1]}`, flags });
    }
  }
  return found;
}

/** The variables named in the rows of a text's table of variables. */
function tableVariables(markdown: string): string[] {
  return [...markdown.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]!);
}

/** The value of a `Key=` line of the systemd unit. */
function unitValue(key: string): string {
  return new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1]?.trim() ?? '';
}

/** Fails on a command or option the CLI's usage does not list. */
function expectKnownCommands(text: string): void {
  const usage = usageLines();
  for (const command of commands(text)) {
    const line = usage.find((u) => u === command.words || u.startsWith(`${command.words} `));
    expect(line, `${command.words} is not in the CLI's usage`).toBeDefined();
    for (const flag of command.flags) expect(usage.join('\n'), `${command.words} ${flag}`).toContain(flag);
  }
}

describe.each(Object.entries(docs))('docs/OPERATIONS (%s)', (_lang, text) => {
  it('explains every environment variable config.ts reads, and no other', () => {
    const variables = configVariables();
    expect(variables).toContain('DATABASE_URL');
    expect(variables).toContain('BACKUP_DIRS');
    expect(tableVariables(text).sort()).toEqual([...variables].sort());
  });

  it('names only commands and options that the CLI has', () => {
    expect(commands(text).map((c) => c.words)).toContain('otmetka backup key');
    expectKnownCommands(text);
  });

  it('links only to files that exist', () => {
    for (const [, target] of text.matchAll(/\]\(([^)#:]+)\)/g)) {
      expect(() => read(join('docs', target!)), target).not.toThrow();
    }
  });
});

describe('README', () => {
  it('gives the quick start as two commands, and they do what it says (address, files, scripts)', () => {
    const readme = read('README.md');
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const start of [
      readme.indexOf('```sh'),
      readme.indexOf('```sh', readme.indexOf('## Quick start')),
    ]) {
      const block = readme
        .slice(start, readme.indexOf('```', start + 5))
        .split('\n')
        .slice(1, -1);
      expect(block.map((line) => line.split('#')[0]?.trim())).toEqual(['npm ci && npm run demo', 'npm test']);
    }
    expect(scripts.demo).toMatch(/cli\/main\.ts demo$/);
    expect(scripts.start).toMatch(/cli\/main\.ts serve$/);
    expect(scripts.test).toContain('vitest run');
    expect(readme).toContain('http://localhost:3000');
    expect(readme).toContain('`./data/demo.db`');
    expect(readConfig({})).toMatchObject({
      host: 'localhost',
      port: 3000,
      databaseUrl: './data/otmetka.db',
      demoDatabaseUrl: './data/demo.db',
    });
  });

  it('names only backup and restore commands that the CLI has, and links the operations docs', () => {
    const readme = read('README.md');
    expect(commands(readme).map((c) => c.words)).toContain('otmetka restore');
    expectKnownCommands(readme);
    expect(readme).toContain('(docs/OPERATIONS.ru.md)');
    expect(readme).toContain('(docs/OPERATIONS.md)');
  });
});

describe('the two languages', () => {
  it('have the same sections and the same commands', () => {
    const headings = (text: string) => [...text.matchAll(/^## (\d+)\./gm)].map((m) => m[1]);
    expect(headings(docs.ru)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(headings(docs.en)).toEqual(headings(docs.ru));
    const names = (text: string) => [...new Set(commands(text).map((c) => c.words))].sort();
    expect(names(docs.en)).toEqual(names(docs.ru));
  });
});

describe('deploy/', () => {
  const [program, script, ...args] = unitValue('ExecStart').split(/\s+/);
  const env = Object.fromEntries(
    read('deploy/otmetka.env')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

  it("starts the unit's ExecStart with a script and a command that exist", () => {
    expect(program).toBe('/usr/bin/node');
    expect(script).toMatch(/^\/opt\/otmetka\//);
    expect(() => read(script!.replace(/^\/opt\/otmetka\//, ''))).not.toThrow();
    expect(usageLines().some((line) => line.startsWith(`otmetka ${args.join(' ')} `))).toBe(true);
    expect(wrapper).toContain(`${program} ${script} "$@"`);
    expect(unitValue('WorkingDirectory')).toBe('/opt/otmetka');
  });

  it('lets the service write its database and every backup directory of the example settings', () => {
    expect(unitValue('EnvironmentFile')).toBe('/etc/otmetka/otmetka.env');
    expect(wrapper).toContain('. /etc/otmetka/otmetka.env');
    const writable = unitValue('ReadWritePaths')
      .split(/\s+/)
      .map((p) => p.replace(/^-/, ''));
    const needed = [dirname(env.DATABASE_URL!), ...env.BACKUP_DIRS!.split(',')];
    for (const path of needed) {
      expect(
        writable.some((w) => path === w || path.startsWith(`${w}/`)),
        path,
      ).toBe(true);
    }
  });

  it('runs commands through a wrapper that is valid shell, and proxies to where the server listens', () => {
    expect(() => execFileSync('sh', ['-n', 'deploy/otmetka'])).not.toThrow();
    const upstream = `http://${env.HOST}:${env.PORT}`;
    for (const proxy of [read('deploy/nginx.conf'), read('deploy/Caddyfile')]) {
      const targets = [...proxy.matchAll(/(?:proxy_pass|reverse_proxy) (\S+?);?$/gm)].map((m) => m[1]!);
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) expect(target.replace(/^(?!http)/, 'http://')).toBe(upstream);
    }
  });

  it('has example settings the server accepts', () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'otmetka-docs-')), 'backup.key');
    writeFileSync(keyFile, `${'ab'.repeat(32)}\n`);
    const config = readConfig({ ...env, BACKUP_KEY_FILE: keyFile });
    expect(config.backup.dirs.length).toBeGreaterThanOrEqual(2);
    expect(config.host).toBe('127.0.0.1');
    expect(config.trustProxy && config.cookieSecure).toBe(true);
  });

  it("starts the container with the CLI's serve and checks its health at /api/health", () => {
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim/m);
    expect(dockerfile).toContain('CMD ["node", "/app/bin/otmetka.js", "serve"]');
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health/m);
    expect(dockerfile).toMatch(/^USER otmetka$/m);
  });
});

describe('the endpoints the docs name', () => {
  let database: Database;
  beforeAll(async () => {
    database = await engines()[0]!.open();
  });
  afterAll(() => database.close());

  it('answer on a running app (not 404)', async () => {
    const paths = new Set(
      [...`${docs.ru}\n${docs.en}`.matchAll(/`GET (\/[a-z/]+)`/g)].map((m) => m[1]!).concat('/api/health'),
    );
    const app = await testApp(database);
    try {
      for (const path of paths) {
        const response = await app.inject({ method: 'GET', url: path });
        expect(response.statusCode, path).not.toBe(404);
      }
    } finally {
      await app.close();
    }
  });
});
