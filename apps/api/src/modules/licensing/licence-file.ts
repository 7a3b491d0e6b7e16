import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The network licence file format: readable `KEY=value` lines, then one `SIGNATURE=` line holding
 * the Ed25519 signature (base64) of every byte before it. Changing any byte above the signature,
 * or the signature itself, makes verification fail. Only the public key is needed to verify.
 */
const HEADER = '# Seatwise network licence';
const SIGNATURE_PREFIX = 'SIGNATURE=';

export type LicenceFields = Record<string, string>;

export function generateVendorKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function publicKeyPem(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

export function signLicence(privateKeyPem: string, fields: LicenceFields): string {
  const lines = [HEADER, ...Object.entries(fields).map(([key, value]) => `${key}=${value.replace(/[\r\n]/g, ' ')}`)];
  const body = `${lines.join('\n')}\n`;
  const signature = sign(null, Buffer.from(body, 'utf8'), createPrivateKey(privateKeyPem)).toString('base64');
  return `${body}${SIGNATURE_PREFIX}${signature}\n`;
}

export type LicenceCheck = { valid: true; fields: LicenceFields } | { valid: false; reason: string };

/** Checks a licence file offline against the vendor's public key (PEM). */
export function verifyLicence(publicKey: string | KeyObject, file: string | Buffer): LicenceCheck {
  const text = Buffer.isBuffer(file) ? file.toString('utf8') : file;
  const at = text.lastIndexOf(`\n${SIGNATURE_PREFIX}`);
  if (!text.startsWith(HEADER) || at < 0) return { valid: false, reason: 'not a Seatwise licence file' };
  const body = text.slice(0, at + 1);
  const signatureText = text.slice(at + 1 + SIGNATURE_PREFIX.length).trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureText)) return { valid: false, reason: 'the signature line is malformed' };
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  if (!verify(null, Buffer.from(body, 'utf8'), key, Buffer.from(signatureText, 'base64'))) {
    return { valid: false, reason: 'the signature does not match: the file was changed or not issued by this vendor' };
  }
  const fields: LicenceFields = {};
  for (const line of body.split('\n').slice(1)) {
    const separator = line.indexOf('=');
    if (separator > 0) fields[line.slice(0, separator)] = line.slice(separator + 1);
  }
  return { valid: true, fields };
}
