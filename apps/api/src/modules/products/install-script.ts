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

/** POSIX sh: inside single quotes every character is literal, a line break too; a quote closes, is escaped and reopens. */
const sh = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * cmd: inside "…" the operators & | < > ^ ( ) are literal, but % (and ! with delayed expansion)
 * still expand, a " ends the string and a line break ends the command. The API refuses those in a
 * package's name and folder; a value that still holds one fails the build rather than run.
 * Backslashes before the closing quote are doubled: a program reading its command line takes \"
 * for a literal quote (CommandLineToArgvW), so `INSTALLDIR="C:\"` would swallow what follows.
 */
function cmd(text: string): string {
  if (/[\p{Cc}\u2028\u2029"%!]/u.test(text)) throw new Error(`${JSON.stringify(text)} cannot be quoted for cmd.`);
  return `"${text.replace(/(\\+)$/, '$1$1')}"`;
}

/** No quoting holds in a `rem` line (a trailing ^ joins the next line to it, % expands, /? asks for help): only plain characters stay. */
const cmdRemark = (text: string) => text.replace(/[^\p{L}\p{N} .,:()_+-]/gu, '_');

/** The script in a package: checks every file against the manifest's checksums, then installs. */
export function installScript(manifest: PackageManifest): { path: string; text: string } {
  const { settings } = manifest;
  const title = `${manifest.name}: ${manifest.product.name} ${manifest.product.version} (${manifest.language})`;
  if (manifest.platform === 'WINDOWS') {
    const lines = [
      '@echo off',
      `rem ${cmdRemark(title)}`,
      'setlocal',
      'cd /d "%~dp0"',
      ...manifest.files.map(
        (file) => `certutil -hashfile ${cmd(file.path)} SHA256 | findstr /i ${cmd(file.sha256)} >nul || (echo Checksum mismatch: ${cmd(file.path)} & exit /b 1)`,
      ),
      ...manifest.files.map(
        (file) =>
          `start /wait "" ${cmd(file.path)} ${settings.silent ? '/quiet ' : ''}INSTALLDIR=${cmd(settings.installPath)}${settings.desktopShortcut ? ' DESKTOPSHORTCUT=1' : ''}`,
      ),
      'echo Installed.',
      '',
    ];
    return { path: 'install.cmd', text: lines.join('\r\n') };
  }
  const lines = [
    '#!/bin/sh',
    '# A Seatwise install package: manifest.json lists what it holds.',
    'set -eu',
    'cd "$(dirname "$0")"',
    `printf '%s\\n' ${sh(`Installing ${title}`)}`,
    ...manifest.files.map((file) => `printf '%s\\n' ${sh(`${file.sha256}  ${file.path}`)} | sha256sum -c -`),
    `INSTALL_DIR=${sh(settings.installPath)}`,
    // `--`: a folder or file whose name starts with "-" is not an option.
    'mkdir -p -- "$INSTALL_DIR"',
    ...manifest.files.map((file) => `cp -- ${sh(file.path)} "$INSTALL_DIR"/`),
    ...(settings.desktopShortcut ? ['echo "Desktop shortcut requested" >/dev/null'] : []),
    'echo Installed.',
    '',
  ];
  return { path: 'install.sh', text: lines.join('\n') };
}
