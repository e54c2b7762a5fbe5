import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the browser tests keep the demo school seeded once for the run (see harness.ts). */
    demoTemplateDir: string;
  }
}

/**
 * A directory for the run's demo school: the first browser test that needs it seeds it there, the
 * others copy the file instead of seeding the same school again. Removed when the run ends.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'otmetka-e2e-demo-'));
  project.provide('demoTemplateDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
