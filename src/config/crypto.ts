import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { ConfigError } from '../core/errors.js';

/**
 * AES-256-GCM for stored secrets. The key never sits beside the ciphertext:
 * - passphrase mode: scrypt(SENTOS_SYNC_PASSPHRASE, per-value salt) — nothing secret on disk at all;
 * - key-file mode: a random 32-byte key in its own 0600 file.
 * Stored form: "enc:v1:<mode p|k>:<salt b64 or ->:<iv b64>:<tag b64>:<ciphertext b64>". GCM's tag makes any
 * tampering (or the wrong key) fail loudly instead of decrypting to garbage.
 */

export type KeySource = { mode: 'passphrase'; passphrase: string } | { mode: 'key-file'; key: Buffer };

const PREFIX = 'enc:v1:';
/**
 * GCM verifies a tag cut to as few as 4 bytes unless told its length: a shortened tag would then be an easy
 * forgery, not tampering. Both sides fix it at the full 16 bytes.
 */
const TAG_BYTES = 16;
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

export function encryptSecret(plaintext: string, source: KeySource, aad: string): string {
  const salt = source.mode === 'passphrase' ? randomBytes(16) : undefined;
  const key = deriveKey(source, salt);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8')); // binds the value to its key name: it cannot be moved to another key
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [
    source.mode === 'passphrase' ? 'p' : 'k',
    salt ? salt.toString('base64') : '-',
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    ciphertext.toString('base64'),
  ];
  return PREFIX + parts.join(':');
}

/** `getSource` is lazy so a mode mismatch is reported before any key file is looked for. */
export function decryptSecret(
  stored: string,
  getSource: KeySource | ((mode: KeySource['mode']) => KeySource),
  aad: string,
): string {
  const parts = stored.slice(PREFIX.length).split(':');
  const [mode, saltText, ivText, tagText, dataText] = parts;
  if (parts.length !== 5 || !ivText || !tagText || dataText === undefined)
    throw undecryptable(aad, 'the stored value is malformed');
  const wanted = mode === 'p' ? 'passphrase' : 'key-file';
  const source = typeof getSource === 'function' ? getSource(wanted) : getSource;
  if ((mode === 'p') !== (source.mode === 'passphrase')) {
    throw undecryptable(
      aad,
      mode === 'p'
        ? 'it was encrypted with SENTOS_SYNC_PASSPHRASE, which is not set now'
        : 'it was encrypted with the key file, but SENTOS_SYNC_PASSPHRASE is set now',
    );
  }
  try {
    const key = deriveKey(source, saltText && saltText !== '-' ? Buffer.from(saltText, 'base64') : undefined);
    const tag = Buffer.from(tagText, 'base64');
    if (tag.length !== TAG_BYTES) throw new Error('short tag');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(dataText, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw undecryptable(aad, 'it was tampered with, or the key or passphrase is not the one it was stored with');
  }
}

function deriveKey(source: KeySource, salt: Buffer | undefined): Buffer {
  if (source.mode === 'key-file') return source.key;
  if (!salt) throw new ConfigError('A passphrase-encrypted value has no salt.');
  return scryptSync(source.passphrase, salt, 32, SCRYPT);
}

function undecryptable(keyName: string, why: string): ConfigError {
  return new ConfigError(`Cannot decrypt the stored value of ${keyName}: ${why}.`, {
    hint:
      `Nothing was deleted. Set it again with \`sentos-sync config set ${keyName}\`, or provide it through ` +
      `its environment variable.`,
  });
}
