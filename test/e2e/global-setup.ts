import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the first e2e file builds the bin for the whole run (spawn-bin.ts); removed when vitest ends. */
    e2eBinDir: string;
    /**
     * True for the first run when the caller built dist/ just before (`npm test` sets SENTOS_SYNC_TEST_PREBUILT=1):
     * the e2e files may run the package's own bin instead of building their own (spawn-bin.ts checks it is newer
     * than every source). A rerun in watch mode builds again.
     */
    e2ePrebuilt: boolean;
  }
}

/**
 * One folder per vitest run for the built bin, so the e2e files share one build instead of one each. Only the
 * folder is made here (cheap, so runs without e2e files pay nothing); the first e2e file to need it builds. A
 * rerun in watch mode gets a fresh folder, so it builds the sources as they are now.
 */
export default function setup(project: TestProject): () => void {
  const dirs: string[] = [];
  const fresh = (prebuilt: boolean) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-e2e-'));
    dirs.push(dir);
    project.provide('e2eBinDir', dir);
    project.provide('e2ePrebuilt', prebuilt);
  };
  fresh(process.env.SENTOS_SYNC_TEST_PREBUILT === '1');
  project.onTestsRerun(() => fresh(false));
  return () => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  };
}
