import { systemClock, type Clock } from '../core/clock.js';
import { secrets } from '../core/http/redact.js';
import { RequestStats } from '../core/http/stats.js';
import { resolvePaths, type ToolPaths } from '../config/paths.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { ConfigStore } from '../config/store.js';
import { Output } from './output.js';

/** Options every command shares (set on the root program). */
export interface GlobalOptions {
  profile?: string;
  json?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** What a command needs from the outside world, built once per run and injectable in tests. */
export interface Runtime {
  env: NodeJS.ProcessEnv;
  paths: ToolPaths;
  output: Output;
  clock: Clock;
  stats: RequestStats;
  store(): ConfigStore;
  /** Stored config < env < flags, with every resolved secret registered for redaction. */
  config(flags?: Record<string, unknown>): ResolvedConfig;
  /** Aborted on the first Ctrl-C / SIGTERM: the engine finishes the item in flight and stops. */
  signal: AbortSignal;
  /** Set by a command that finished with a non-zero outcome (partial, failed) without throwing. */
  exitCode: number;
}

export interface RuntimeOverrides {
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  clock?: Clock;
  signal?: AbortSignal;
}

export function createRuntime(globals: GlobalOptions, overrides: RuntimeOverrides = {}): Runtime {
  const env = overrides.env ?? process.env;
  const paths = resolvePaths(env, globals.profile);
  const output = new Output({
    json: Boolean(globals.json),
    quiet: Boolean(globals.quiet),
    verbose: Boolean(globals.verbose),
    // chalk decides nothing by itself here: colour only for a person at a terminal (design.md style 9).
    color:
      globals.color !== false &&
      !('NO_COLOR' in env) &&
      env.TERM !== 'dumb' &&
      Boolean((overrides.stdout ?? process.stdout).isTTY),
    stdout: overrides.stdout,
    stderr: overrides.stderr,
  });
  let store: ConfigStore | undefined;
  const getStore = () => (store ??= new ConfigStore(paths, env.SENTOS_SYNC_PASSPHRASE));
  return {
    env,
    paths,
    output,
    clock: overrides.clock ?? systemClock,
    stats: new RequestStats(),
    store: getStore,
    config: (flags) => {
      const resolved = resolveConfig({ stored: getStore().readAll(), env, flags });
      for (const key of ['shopify.accessToken', 'shopify.clientSecret', 'sentos.apiKey', 'sentos.apiSecret']) {
        const value = resolved.values[key];
        if (typeof value === 'string') secrets.add(value);
      }
      const key = resolved.values['sentos.apiKey'];
      const secret = resolved.values['sentos.apiSecret'];
      if (typeof key === 'string' && typeof secret === 'string') secrets.addBasic(key, secret);
      if (env.SENTOS_SYNC_PASSPHRASE) secrets.add(env.SENTOS_SYNC_PASSPHRASE);
      return resolved;
    },
    signal: overrides.signal ?? new AbortController().signal,
    exitCode: 0,
  };
}
