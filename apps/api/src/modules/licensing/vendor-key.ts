import { persistedSecret } from '../../common/data-secret.js';
import type { Config } from '../../config.js';
import { generateVendorKeyPem, publicKeyPem } from './licence-file.js';

/** The vendor's Ed25519 private key: from `SEATWISE_LICENCE_PRIVATE_KEY`, else generated once under the data folder. */
export function vendorPrivateKey(config: Config): string {
  return config.licencePrivateKey ?? persistedSecret(config.dataDir, 'licence-ed25519.pem', generateVendorKeyPem);
}

export function vendorPublicKey(config: Config): string {
  return publicKeyPem(vendorPrivateKey(config));
}
