import type { InstallSettings } from './install-package.entity.js';

export interface PackageManifest {
  format: 'seatwise-install-package/1';
  name: string;
  product: { code: string; name: string; version: string };
  platform: string;
  language: string;
  settings: InstallSettings;
  files: { path: string; role: 'installer' | 'add-on'; name: string; size: number; sha256: string }[];
  createdAt: string;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The script in a package: checks every file against the manifest's checksums, then installs. */
export function installScript(manifest: PackageManifest): { path: string; text: string } {
  const { settings } = manifest;
  if (manifest.platform === 'WINDOWS') {
    const lines = [
      '@echo off',
      `rem ${manifest.name}: ${manifest.product.name} ${manifest.product.version} (${manifest.language})`,
      'setlocal',
      'cd /d "%~dp0"',
      ...manifest.files.map(
        (file) => `certutil -hashfile "${file.path}" SHA256 | findstr /i "${file.sha256}" >nul || (echo Checksum mismatch: ${file.path} & exit /b 1)`,
      ),
      ...manifest.files.map(
        (file) =>
          `start /wait "" "${file.path}" ${settings.silent ? '/quiet ' : ''}INSTALLDIR="${settings.installPath}"${settings.desktopShortcut ? ' DESKTOPSHORTCUT=1' : ''}`,
      ),
      'echo Installed.',
      '',
    ];
    return { path: 'install.cmd', text: lines.join('\r\n') };
  }
  const lines = [
    '#!/bin/sh',
    `# ${manifest.name}: ${manifest.product.name} ${manifest.product.version} (${manifest.language})`,
    'set -eu',
    'cd "$(dirname "$0")"',
    ...manifest.files.map((file) => `echo ${shellQuote(`${file.sha256}  ${file.path}`)} | sha256sum -c -`),
    `INSTALL_DIR=${shellQuote(settings.installPath)}`,
    'mkdir -p "$INSTALL_DIR"',
    ...manifest.files.map((file) => `cp ${shellQuote(file.path)} "$INSTALL_DIR"/`),
    ...(settings.desktopShortcut ? ['echo "Desktop shortcut requested" >/dev/null'] : []),
    'echo Installed.',
    '',
  ];
  return { path: 'install.sh', text: lines.join('\n') };
}
