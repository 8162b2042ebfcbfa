import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

/**
 * Start-up: `--help` and `--version` of the built CLI against a bare `node -e 0` on the same machine (goal:
 * within 1.5×). hyperfine when it is installed (`apt-get install -y hyperfine`), otherwise a loop of spawns
 * here; both report the mean in ms.
 */
export interface StartupFigures {
  tool: 'hyperfine' | 'loop';
  runs: number;
  nodeMs: number;
  helpMs: number;
  versionMs: number;
  /** User CPU ms of the same three (hyperfine only): steadier than wall time on a busy machine. */
  userMs?: [number, number, number];
}

export function benchStartup(bin: string, runs = 30): StartupFigures {
  const node = process.execPath;
  const commands = [`${node} -e 0`, `${node} ${bin} --help`, `${node} ${bin} --version`];
  const viaHyperfine = hyperfine(commands, runs);
  const [nodeMs, helpMs, versionMs] = viaHyperfine?.map((r) => r.mean * 1000) ?? commands.map((c) => loop(c, runs));
  const user = viaHyperfine?.map((r) => r.user * 1000);
  return {
    tool: viaHyperfine ? 'hyperfine' : 'loop',
    runs,
    nodeMs: nodeMs!,
    helpMs: helpMs!,
    versionMs: versionMs!,
    ...(user ? { userMs: [user[0]!, user[1]!, user[2]!] as [number, number, number] } : {}),
  };
}

function hyperfine(commands: string[], runs: number): Array<{ mean: number; user: number }> | undefined {
  const exportPath = `/tmp/sentos-sync-bench-startup-${process.pid}.json`;
  const result = spawnSync(
    'hyperfine',
    [
      '--warmup',
      '3',
      '--runs',
      String(runs),
      '--shell=none',
      '--style',
      'none',
      '--export-json',
      exportPath,
      ...commands,
    ],
    { encoding: 'utf8' },
  );
  if (result.error || result.status !== 0) return undefined;
  const parsed = JSON.parse(readFileSync(exportPath, 'utf8')) as { results: Array<{ mean: number; user: number }> };
  rmSync(exportPath, { force: true });
  return parsed.results;
}

function loop(command: string, runs: number): number {
  const [file, ...args] = command.split(' ');
  spawnSync(file!, args); // warm the file cache
  const started = performance.now();
  for (let i = 0; i < runs; i++) spawnSync(file!, args, { stdio: 'ignore' });
  return (performance.now() - started) / runs;
}
