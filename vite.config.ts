import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const gzip = promisify(gzipCallback);
const brotli = promisify(brotliCompress);

/** The files served compressed: `.gz` and `.br` twins are written next to them. */
const compressible = /\.(js|css|html|svg|webmanifest|json)$/;

/** Every file under a directory (full paths). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * After the build: stamps the service worker with the build's id (a hash of the entry page, which
 * names the hashed entry files, and of the worker itself) and writes gzip (level 9) and brotli twins of the text files,
 * which the server sends to browsers that accept them (`preCompressed` in src/server/app.ts).
 */
function otmetkaBuildOutput(): Plugin {
  let outDir = '';
  return {
    name: 'otmetka-build-output',
    apply: 'build',
    configResolved(config) {
      // `build.outDir` is relative to the root (src/web) unless given absolute.
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const worker = join(outDir, 'sw.js');
      const source = readFileSync(worker, 'utf8');
      const index = readFileSync(join(outDir, 'index.html'));
      const id = createHash('sha256').update(index).update(source).digest('hex').slice(0, 12);
      if (!source.includes("const build = 'dev';")) throw new Error('sw.js: the build id line is missing');
      writeFileSync(worker, source.replace("const build = 'dev';", `const build = '${id}';`));
      await Promise.all(
        filesUnder(outDir)
          .filter((file) => compressible.test(file))
          .map(async (file) => {
            const data = await readFile(file);
            const twins: [string, Buffer][] = [
              ['gz', await gzip(data, { level: 9 })],
              [
                'br',
                await brotli(data, {
                  params: {
                    // 10, not 11: a few per cent larger at half the build time.
                    [constants.BROTLI_PARAM_QUALITY]: 10,
                    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                  },
                }),
              ],
            ];
            // A twin no smaller than the file is left out: the server then sends the next one or the file.
            for (const [ext, packed] of twins)
              if (packed.length < data.length) await writeFile(`${file}.${ext}`, packed);
          }),
      );
    },
  };
}

/** The web app: sources in src/web, built into dist/web, which the Fastify server serves under `/`. */
export default defineConfig({
  root: 'src/web',
  // Copied as is to the site's root: the manifest, the icons and the service worker.
  publicDir: 'public',
  plugins: [react(), otmetkaBuildOutput()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      // Libraries change less often than the app: one long-cached chunk of them.
      output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
