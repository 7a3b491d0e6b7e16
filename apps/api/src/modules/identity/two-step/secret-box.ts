import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../../config.js';

/**
 * Encrypts secrets Seatwise must read back later (an authenticator app's TOTP secret), so a copy of
 * the database alone does not yield them. AES-256-GCM; the key comes from `SEATWISE_SECRET_KEY`,
 * else from `<data>/secret.key`, written once with random bytes. Several instances over one
 * PostgreSQL must share `SEATWISE_SECRET_KEY`.
 */
const VERSION = 'v1';
const keys = new Map<string, Buffer>();

function keyFor(config: Config): Buffer {
  const cacheKey = config.secretKey ? `env:${config.secretKey}` : `file:${config.dataDir}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = createHash('sha256').update(config.secretKey ?? readOrCreateKeyFile(config.dataDir)).digest();
    keys.set(cacheKey, key);
  }
  return key;
}

function readOrCreateKeyFile(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const material = randomBytes(32).toString('base64');
  try {
    // `wx`: when two instances race, the second keeps the first one's key.
    writeFileSync(file, `${material}\n`, { mode: 0o600, flag: 'wx' });
    return material;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}

export function sealSecret(config: Config, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(config), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

export function openSecret(config: Config, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !data) throw new Error('Unreadable sealed secret.');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(config), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
