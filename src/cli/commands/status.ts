import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import { ActivityLog } from '../../core/activity-log.js';
import { errorMessage } from '../../core/errors.js';
import { listLocks, type LockStatus } from '../../core/lock.js';
import { redactUrl } from '../../core/redact.js';
import { displayValue } from '../../config/store.js';
import { findConfigKey } from '../../config/keys.js';
import { sentosConnection, shopifyConnection, type ResolvedConfig, type Source } from '../../config/resolve.js';
import type { OrdersCheckpoint } from '../../sync/state/checkpoint.js';
import type { FailedEntry } from '../../sync/state/order-ledger.js';
import type { ConnectionResult } from '../../sync/connection.js';
import { RunRecords, type LastRun } from '../../sync/state/run-records.js';
import type { Runtime } from '../runtime.js';
import { orderState } from '../state-files.js';
import type { RuntimeFactory } from './config.js';

/** One setting as the dashboard shows it: secrets only as set / not set, never their value. */
export interface SettingStatus {
  key: string;
  env: string;
  set: boolean;
  source?: Source;
  value?: string;
  problem?: string;
}

export interface ApiStatus {
  configured: boolean;
  problem?: string;
  settings: SettingStatus[];
}

export type { LockStatus };

export interface StatusDocument {
  profile: string;
  home: string;
  apis: { shopify: ApiStatus; sentos: ApiStatus & { detectedAuth?: string } };
  lastConnection: { at: string; results: ConnectionResult[] } | null;
  lastRuns: Record<string, LastRun>;
  ordersCheckpoint: OrdersCheckpoint | null;
  pendingFailures: FailedEntry[];
  locks: LockStatus[];
  log: { file: string; entries: number; last?: string };
  /** Settings whose value is invalid (a bad environment variable, flag or stored value), each naming itself. */
  settingProblems: Array<{ key: string; message: string; hint?: string }>;
}

const SHOPIFY_KEYS = [
  'shopify.store',
  'shopify.apiVersion',
  'shopify.accessToken',
  'shopify.clientId',
  'shopify.clientSecret',
];
const SENTOS_KEYS = ['sentos.apiUrl', 'sentos.authMethod', 'sentos.apiKey', 'sentos.apiSecret'];

/** `status`: the original app's dashboard in a terminal; reads local files only, no request. */
export function registerStatusCommand(program: Command, runtimeFor: RuntimeFactory): void {
  program
    .command('status')
    .description(
      'Dashboard: what is configured, the last connection test and runs, the orders checkpoint, failing orders, ' +
        'held locks',
    )
    .action((_flags, command: Command) => {
      const runtime = runtimeFor(command);
      const status = collectStatus(runtime);
      if (runtime.output.json) runtime.output.resultJson(status);
      else runtime.output.result(renderStatus(status, runtime.output.chalk, runtime.clock.now()));
    });
}

export function collectStatus(runtime: Runtime): StatusDocument {
  // Lenient: one bad variable is reported by name below and does not blank the rest of the status.
  const config = runtime.config({ lenient: true });
  const records = new RunRecords(runtime.paths.stateDir);
  const { ledger, checkpoint } = orderState(runtime);
  const log = new ActivityLog(runtime.paths.logFile, Number.POSITIVE_INFINITY).read();
  const detectedAuth = records.detectedAuth(config.settings.sentos.apiUrl);
  return {
    profile: runtime.paths.profile,
    home: runtime.paths.home,
    apis: {
      shopify: apiStatus(config, SHOPIFY_KEYS, () => shopifyConnection(config)),
      sentos: {
        ...apiStatus(config, SENTOS_KEYS, () => sentosConnection(config)),
        ...(detectedAuth ? { detectedAuth } : {}),
      },
    },
    lastConnection: records.lastConnection(),
    lastRuns: records.lastRuns(),
    ordersCheckpoint: checkpoint.load() ?? null,
    pendingFailures: ledger.pendingFailures(),
    locks: listLocks(runtime.paths.lockDir),
    log: { file: runtime.paths.logFile, entries: log.length, ...(log.length ? { last: log.at(-1)!.time } : {}) },
    settingProblems: [...config.invalid].map(([key, error]) => ({
      key,
      message: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
    })),
  };
}

function apiStatus(config: ResolvedConfig, keys: string[], connect: () => unknown): ApiStatus {
  let problem: string | undefined;
  try {
    connect();
  } catch (error) {
    problem = errorMessage(error);
  }
  return {
    configured: problem === undefined,
    ...(problem ? { problem } : {}),
    settings: keys.map((key) => settingStatus(config, key)),
  };
}

function settingStatus(config: ResolvedConfig, name: string): SettingStatus {
  const key = findConfigKey(name)!;
  const value = config.values[name];
  const source = config.sources[name];
  const stored = config.storedErrors.get(name);
  const set = value !== undefined && value !== '';
  return {
    key: name,
    env: key.env,
    set: set || stored !== undefined,
    ...(source ? { source } : stored ? { source: 'file' as const } : {}),
    // Secrets are reported as set / not set only; plain values (URLs) lose any credential they embed.
    ...(set && !key.secret ? { value: redactUrl(displayValue(value)) } : {}),
    ...(stored ? { problem: stored.message } : {}),
    ...(config.invalid.has(name) ? { problem: config.invalid.get(name)!.message } : {}),
  };
}

export function renderStatus(s: StatusDocument, c: ChalkInstance, nowMs: number): string {
  const when = (iso: string) =>
    `${iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')} ${c.dim(`(${ago(nowMs - Date.parse(iso))})`)}`;
  const lines = [c.bold(`sentos-sync status · profile ${s.profile} · ${s.home}`)];
  for (const p of s.settingProblems) lines.push(`${c.red('✖')} ${p.message}${p.hint ? c.dim(` (${p.hint})`) : ''}`);
  lines.push('', c.bold('APIs'));
  lines.push(
    ...renderApi('Shopify', s.apis.shopify, c),
    ...renderApi('Sentos', s.apis.sentos, c, s.apis.sentos.detectedAuth),
  );
  lines.push('', `${c.bold('Last connection test')}  ${s.lastConnection ? when(s.lastConnection.at) : c.dim('never')}`);
  for (const r of s.lastConnection?.results ?? [])
    lines.push(
      `  ${(r.service === 'shopify' ? 'Shopify' : 'Sentos').padEnd(8)} ` +
        (r.ok
          ? `${c.green('Connected ✅')}  ${connectionDetail(r)}`
          : `${c.red('Failed ❌')}  ${r.error?.message ?? ''}`),
    );
  lines.push('', c.bold('Last runs'));
  for (const command of ['products', 'orders', 'sync']) lines.push(renderRun(command, s.lastRuns[command], c, when));
  const cp = s.ordersCheckpoint;
  lines.push(
    '',
    `${c.bold('Orders checkpoint')}     ` +
      (cp
        ? `orders updated up to ${cp.updatedAt} (order ${cp.orderId}), ` +
          `saved ${when(new Date(cp.savedAtMs).toISOString())}`
        : c.dim('none yet (the first orders run reads the last 7 days)')),
  );
  lines.push(
    `${c.bold('Orders still failing')}  ` +
      `${s.pendingFailures.length === 0 ? c.green('none') : c.red(String(s.pendingFailures.length))}`,
  );
  for (const f of s.pendingFailures.slice(0, 10)) {
    const name = f.orderName ?? f.shopifyId;
    lines.push(
      `  ${c.red('✖')} ${f.reason.startsWith(name) ? f.reason : `${name}: ${f.reason}`} ` +
        `${c.dim(`(${ago(nowMs - f.atMs)})`)}`,
    );
  }
  if (s.pendingFailures.length > 10) lines.push(`  … and ${s.pendingFailures.length - 10} more (--json for all)`);
  lines.push(`${c.bold('Locks held')}            ${s.locks.length === 0 ? c.dim('none') : ''}`);
  for (const l of s.locks)
    lines.push(
      `  ${l.command.padEnd(9)} pid ${l.pid ?? '?'} since ${l.startedAt ?? '?'} ` +
        `${l.running ? c.yellow('running') : c.dim('stale (process gone; the next run takes it over)')}`,
    );
  lines.push(
    `${c.bold('Activity log')}          ${s.log.file} · ${s.log.entries} ` +
      `entries${s.log.last ? ` · last ${when(s.log.last)}` : ''}`,
  );
  return lines.join('\n');
}

function renderApi(name: string, api: ApiStatus, c: ChalkInstance, detectedAuth?: string): string[] {
  const problem = (api.problem ?? '').replace(/^\w+ is not configured: /, '');
  const head =
    `  ${name.padEnd(8)} ` + `${api.configured ? c.green('✔ configured') : `${c.red('✖ not configured')}  ${problem}`}`;
  const parts = api.settings.map((st) => {
    const label = st.key.split('.')[1];
    const shown = st.value !== undefined ? st.value : st.set ? c.green('set') : c.dim('not set');
    const extra = label === 'authMethod' && detectedAuth ? ` (detected: ${detectedAuth})` : '';
    return (
      `${label}: ` +
      `${shown}${extra}${st.source ? c.dim(` (${st.source})`) : ''}${st.problem ? c.red(` ✖ ${st.problem}`) : ''}`
    );
  });
  return [head, ...parts.map((part) => `           ${part}`)];
}

function renderRun(command: string, run: LastRun | undefined, c: ChalkInstance, when: (iso: string) => string): string {
  if (!run) return `  ${command.padEnd(9)} ${c.dim('never')}`;
  const code = run.exitCode === 0 ? c.green('exit 0') : c.red(`exit ${run.exitCode}`);
  const counts = Object.entries(run.summaries ?? {}).map(
    ([phase, summary]) => `${phase}: ${countsOf(summary as Record<string, number>, run.dryRun === true)}`,
  );
  const detail = run.error ? c.red(run.error) : counts.join(' · ');
  const dry = run.dryRun ? ` · ${c.yellow('dry run')}` : '';
  return (
    `  ${command.padEnd(9)} ${when(run.at)}${dry} · ${code} · ${(run.durationMs / 1000).toFixed(1)}s · ` +
    `${detail} ${c.dim(`run ${run.runId}`)}`
  );
}

function connectionDetail(r: ConnectionResult): string {
  const d = r.details;
  return r.service === 'shopify' ? `${d.shop ?? ''} · API ${d.apiVersion ?? '?'}` : `auth ${d.authMethod ?? '?'}`;
}

/** A dry run wrote nothing: its counts read "would create", never "created". */
function countsOf(s: Record<string, number>, dryRun: boolean): string {
  const would = dryRun ? 'would be ' : '';
  return (
    `${s.created ?? 0} ${would}created, ${s.updated ?? 0} ${would}updated, ${s.unchanged ?? 0} unchanged, ` +
    `${s.skipped ?? 0} skipped, ${s.failed ?? 0} failed of ${s.total ?? 0}`
  );
}

function ago(ms: number): string {
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min ago`;
  if (ms < 172_800_000) return `${Math.round(ms / 3_600_000)} h ago`;
  return `${Math.round(ms / 86_400_000)} days ago`;
}
