import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { openSecret, sealSecret } from '../src/modules/identity/two-step/secret-box.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'seatwise-secret-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('sealed secrets', () => {
  it('encrypts with a key file made once in the data folder, readable only by the owner', () => {
    const dataDir = freshDir();
    const config = loadConfig({ SEATWISE_DATA_DIR: dataDir });
    const sealed = sealSecret(config, 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret(config, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(openSecret(config, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o077).toBe(0);
  });

  it('uses SEATWISE_SECRET_KEY when set, and another key cannot open it', () => {
    const one = loadConfig({ SEATWISE_DATA_DIR: freshDir(), SEATWISE_SECRET_KEY: 'a'.repeat(40) });
    const sameKeyElsewhere = loadConfig({ SEATWISE_DATA_DIR: freshDir(), SEATWISE_SECRET_KEY: 'a'.repeat(40) });
    const other = loadConfig({ SEATWISE_DATA_DIR: freshDir(), SEATWISE_SECRET_KEY: 'b'.repeat(40) });
    const sealed = sealSecret(one, 'secret');
    expect(openSecret(sameKeyElsewhere, sealed)).toBe('secret');
    expect(() => openSecret(other, sealed)).toThrow();
  });

  it('names SEATWISE_SECRET_KEY when it is too short', () => {
    expect(() => loadConfig({ SEATWISE_SECRET_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ SEATWISE_SECRET_KEY: 'short' })).toThrow(/SEATWISE_SECRET_KEY must be at least 32 characters/);
  });
});
