import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBin, type BuiltBin } from './spawn-bin.js';

/** `sentos-sync --help | head -1`: the reader closing the pipe early is not a crash (no EPIPE trace). */
describe('stdout closed by the reader (spawned bin)', () => {
  let built: BuiltBin;
  beforeAll(async () => {
    built = await buildBin();
  });

  it('exits quietly when stdout is closed before it writes', async () => {
    const child = spawn(process.execPath, [built.bin, '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.destroy(); // the reader is gone before the first write: the write gets EPIPE
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
