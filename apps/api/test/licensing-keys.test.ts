import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { checkDownloadToken, signDownloadGrant } from '../src/modules/downloads/download-link.js';
import { signLicence, verifyLicence } from '../src/modules/licensing/licence-file.js';
import { vendorPrivateKey, vendorPublicKey } from '../src/modules/licensing/vendor-key.js';

/** Where the signing keys come from: the environment, else generated once and kept under the data folder. */
describe('signing keys', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'seatwise-keys-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates the vendor key once, owner-readable only, and reuses it', () => {
    const config = loadConfig({ SEATWISE_DATA_DIR: dataDir });
    const first = vendorPrivateKey(config);
    const file = join(dataDir, 'secrets', 'licence-ed25519.pem');
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(vendorPrivateKey(loadConfig({ SEATWISE_DATA_DIR: dataDir }))).toBe(first);
    const licence = signLicence(first, { SEATS: '3' });
    expect(verifyLicence(vendorPublicKey(config), licence).valid).toBe(true);
  });

  it('uses the configured vendor key instead, and rejects one that is not a PEM private key', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const config = loadConfig({ SEATWISE_DATA_DIR: dataDir, SEATWISE_LICENCE_PRIVATE_KEY: pem });
    expect(vendorPrivateKey(config)).toBe(pem);
    const other = signLicence(vendorPrivateKey(loadConfig({ SEATWISE_DATA_DIR: dataDir })), { SEATS: '3' });
    // A file signed with another key does not verify against this vendor's public key.
    expect(verifyLicence(vendorPublicKey(config), other).valid).toBe(false);
    expect(() => loadConfig({ SEATWISE_LICENCE_PRIVATE_KEY: 'not a key' })).toThrow(ConfigError);
  });

  it('signs download links with the configured secret; another secret refuses them', () => {
    const grant = { kind: 'f' as const, id: 'file', userId: 'user', accountId: 'account', exp: Math.floor(Date.now() / 1000) + 60 };
    const one = loadConfig({ SEATWISE_DATA_DIR: dataDir, SEATWISE_DOWNLOAD_SECRET: 'a'.repeat(40) });
    const two = loadConfig({ SEATWISE_DATA_DIR: dataDir, SEATWISE_DOWNLOAD_SECRET: 'b'.repeat(40) });
    const token = signDownloadGrant(one, grant);
    expect(checkDownloadToken(one, token)).toEqual({ ok: true, grant });
    expect(checkDownloadToken(two, token)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(checkDownloadToken(one, `${token}x`)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(checkDownloadToken(one, 'garbage')).toEqual({ ok: false, reason: 'MALFORMED' });
    let caught: unknown;
    try {
      loadConfig({ SEATWISE_DOWNLOAD_SECRET: 'short' });
    } catch (error) {
      caught = error;
    }
    expect((caught as ConfigError).variable).toBe('SEATWISE_DOWNLOAD_SECRET');
  });
});
