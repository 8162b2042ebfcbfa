import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../core/errors.js';

/**
 * Where the tool keeps its files. SENTOS_SYNC_HOME moves all of them (config, key, state, logs, locks); each profile
 * gets its own folder so several stores stay apart on one machine.
 */
export interface ToolPaths {
  home: string;
  profile: string;
  profileDir: string;
  /** conf writes `${configName}.json` inside profileDir. */
  configName: string;
  /** The AES key file: in the home, never in the config file it protects. */
  keyFile: string;
  stateDir: string;
  logFile: string;
  lockDir: string;
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

export function resolvePaths(env: NodeJS.ProcessEnv, profile = env.SENTOS_SYNC_PROFILE ?? 'default'): ToolPaths {
  if (!PROFILE_NAME.test(profile)) {
    throw new UsageError(`Profile name "${profile}" is not allowed.`, {
      hint: 'Use letters, digits, "-" and "_" (at most 40).',
    });
  }
  const home = path.resolve(
    env.SENTOS_SYNC_HOME ?? path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'sentos-sync'),
  );
  const profileDir = profile === 'default' ? home : path.join(home, 'profiles', profile);
  return {
    home,
    profile,
    profileDir,
    configName: 'config',
    keyFile: path.join(home, 'secret.key'),
    stateDir: path.join(profileDir, 'state'),
    logFile: path.join(profileDir, 'activity.jsonl'),
    lockDir: path.join(profileDir, 'locks'),
  };
}
