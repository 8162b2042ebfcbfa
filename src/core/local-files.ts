import fs from 'node:fs';
import path from 'node:path';
import { CliError, ConfigError } from './errors.js';

/**
 * Local damage — a truncated state file, a folder that is a file, a home that cannot be written — is the
 * user's to fix, not a bug: a ConfigError (exit 2) that names the file and what to do (docs/local-files.md).
 */
export class LocalFileError extends ConfigError {
  constructor(
    message: string,
    readonly file: string,
    hint: string,
  ) {
    super(message, { hint });
  }
}

const HOME_HINT = 'or point SENTOS_SYNC_HOME at a folder you can write';

/** What a damaged file costs when it is moved aside: state rebuilds itself, config must be set again. */
function asideHint(file: string): string {
  const base = path.basename(file);
  const aside = `mv "${file}" "${file}.broken"`;
  if (base === 'config.json' || base.endsWith('.key'))
    return `Fix it, or move it aside (${aside}) and set the settings again with \`sentos-sync config set\`.`;
  return `Move it aside (${aside}) or delete it, then rerun: sentos-sync starts that file afresh.`;
}

/** A file whose content cannot be read as what it should hold (truncated, edited, another program's). */
export function damagedFile(file: string, why: string): LocalFileError {
  return new LocalFileError(`${file} is damaged (${why}).`, file, asideHint(file));
}

/** Node's file-system errors (errno + path) as LocalFileError; anything else is returned as it is. */
export function localFileError(error: unknown, fallbackPath?: string): unknown {
  if (error instanceof CliError || !(error instanceof Error)) return error;
  const { code, path: where } = error as NodeJS.ErrnoException;
  const file = where ?? fallbackPath;
  if (!code || !file) return error;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new LocalFileError(
        `Cannot write ${file}: permission denied.`,
        file,
        `Fix the permissions (e.g. \`chown -R "$USER" "${path.dirname(file)}"\`), ${HOME_HINT}.`,
      );
    case 'EROFS':
      return new LocalFileError(
        `Cannot write ${file}: the file system is read-only.`,
        file,
        `Use another place: ${HOME_HINT}.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new LocalFileError(`Cannot write ${file}: the disk is full.`, file, `Free some space, ${HOME_HINT}.`);
    case 'ENOTDIR':
    case 'EEXIST':
      return new LocalFileError(
        `${file} (or a folder above it) should be a folder but is a file.`,
        file,
        `Move the file aside (\`mv "${file}" "${file}.broken"\`) or delete it, then rerun.`,
      );
    case 'EISDIR':
      return new LocalFileError(
        `${file} should be a file but is a folder.`,
        file,
        `Move the folder aside (\`mv "${file}" "${file}.broken"\`), then rerun.`,
      );
    case 'ENOENT':
      return new LocalFileError(
        `Cannot create ${file}: that place does not take files (a missing or pseudo file system, e.g. /proc).`,
        file,
        `Point SENTOS_SYNC_HOME at a folder you can write.`,
      );
    default:
      return error;
  }
}

/**
 * `mkdir -p` that fails instead of spinning: Node 20's recursive mkdirSync loops forever (100 % CPU, deaf to
 * SIGTERM) under /proc, where mkdir answers ENOENT. One plain mkdir per missing level, top down.
 */
export function ensureDir(dir: string, mode = 0o700): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw localFileError(error, at);
    }
    if (stat) {
      if (!stat.isDirectory()) throw localFileError(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), at);
      break;
    }
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const level of missing) {
    try {
      fs.mkdirSync(level, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && fs.statSync(level).isDirectory()) continue;
      throw localFileError(error, level);
    }
  }
}
