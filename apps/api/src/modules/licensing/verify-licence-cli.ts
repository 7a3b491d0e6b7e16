import { readFileSync } from 'node:fs';
import { verifyLicence } from './licence-file.js';

/**
 * Verifies a network licence file offline: `tsx verify-licence-cli.ts <licence file> <public key PEM file>`.
 * Prints the licence's fields and exits 0 when it is genuine; prints why and exits 1 when not.
 */
const [licencePath, keyPath] = process.argv.slice(2);
if (!licencePath || !keyPath) {
  console.error('usage: verify-licence <licence file> <public key PEM file>');
  process.exit(2);
}
const result = verifyLicence(readFileSync(keyPath, 'utf8'), readFileSync(licencePath));
if (result.valid) {
  console.log('VALID');
  for (const [key, value] of Object.entries(result.fields)) console.log(`${key}=${value}`);
  process.exit(0);
}
console.error(`INVALID: ${result.reason}`);
process.exit(1);
