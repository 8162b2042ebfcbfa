import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the first e2e file builds the bin for the whole run (spawn-bin.ts); removed when vitest ends. */
    e2eBinDir: string;
  }
}

/**
 * One folder per vitest run for the built bin, so the e2e files share one build instead of one each. Only the
 * folder is made here (cheap, so runs without e2e files pay nothing); the first e2e file to need it builds. A
 * rerun in watch mode gets a fresh folder, so it builds the sources as they are now.
 */
export default function setup(project: TestProject): () => void {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sentos-sync-e2e-'));
    dirs.push(dir);
    project.provide('e2eBinDir', dir);
  };
  fresh();
  project.onTestsRerun(fresh);
  return () => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  };
}
