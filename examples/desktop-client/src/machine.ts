import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { arch, hostname } from 'node:os';
import type { Store } from './store.js';

export interface Machine {
  fingerprint: string;
  name: string;
  platform: string;
}

/** The operating system's own id of this machine, or null where it cannot be read. */
function systemMachineId(): string | null {
  try {
    if (process.platform === 'linux') {
      for (const path of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
        const id = existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
        if (id) return id;
      }
      return null;
    }
    if (process.platform === 'darwin') {
      const out = execFileSync('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice'], { encoding: 'utf8', timeout: 5_000 });
      return /"IOPlatformUUID" = "([^"]+)"/.exec(out)?.[1] ?? null;
    }
    if (process.platform === 'win32') {
      const out = execFileSync('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid'], { encoding: 'utf8', timeout: 5_000 });
      return /MachineGuid\s+REG_SZ\s+(\S+)/.exec(out)?.[1] ?? null;
    }
  } catch {
    // No id from the system: the installation's own id is used.
  }
  return null;
}

/**
 * This machine as a checkout names it. The fingerprint is a SHA-256 of the system's machine id
 * (or, where there is none, a random id kept in the config folder) and the product code, so the
 * raw id never leaves the machine and two vendors' products cannot match their fingerprints.
 * `overrides` lets the command line or a test name another machine.
 */
export function thisMachine(store: Store, product: string, overrides: Partial<Machine> = {}): Machine {
  const id = systemMachineId() ?? store.installationId(randomUUID);
  const fingerprint = overrides.fingerprint ?? createHash('sha256').update(`seatwise-desktop:${product}:${id}`).digest('hex');
  return {
    fingerprint,
    name: (overrides.name ?? hostname()).slice(0, 100) || 'unnamed machine',
    platform: overrides.platform ?? `${process.platform}-${arch()}`,
  };
}
