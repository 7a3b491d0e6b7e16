import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import type { EntityManager } from '@mikro-orm/knex';
import type { Config } from '../../config.js';
import { ProductFile, ProductFileKind } from '../downloads/product-file.entity.js';
import type { JobHandler } from '../jobs/job-worker.js';
import { InstallPackage } from './install-package.entity.js';
import { installScript, type PackageManifest } from './install-script.js';

const untenanted = { filters: false } as const;

type ArchiveEntry = { name: string; mode: number } & ({ text: string } | { path: string; size: number });

/** Writes a .tar.gz of the entries to `target`; reports each file entry done; returns its checksum and size. */
async function writeArchive(
  target: string,
  mtime: Date,
  entries: ArchiveEntry[],
  onFile: (done: number, total: number) => Promise<void>,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  const pack = tar.pack();
  const written = pipeline(
    pack,
    createGzip(),
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    }),
    createWriteStream(target),
  );
  const files = entries.filter((entry) => 'path' in entry).length;
  let done = 0;
  for (const entry of entries) {
    if ('text' in entry) {
      pack.entry({ name: entry.name, mode: entry.mode, mtime }, entry.text);
    } else {
      await pipeline(createReadStream(entry.path), pack.entry({ name: entry.name, size: entry.size, mode: entry.mode, mtime }));
      done += 1;
      await onFile(done, files);
    }
  }
  pack.finalize();
  await written;
  return { sha256: hash.digest('hex'), size: statSync(target).size };
}

/**
 * Builds a custom install package into `packages/<id>-<attempt>.tar.gz` under the data folder: the installer,
 * the chosen add-ons, `manifest.json` and an install script. Written to a temporary file first and
 * renamed, so a retried build never leaves a half archive behind; the package row is updated when
 * the job completes, in the same transaction.
 */
export function installPackageBuilder(config: Config): JobHandler {
  return async (job, { em, progress }) => {
    const packageId = String(job.payload.packageId);
    const pkg = await em.findOneOrFail(InstallPackage, { id: packageId, account: job.accountId }, { ...untenanted, populate: ['version', 'version.product'] });
    const installer = await em.findOneOrFail(
      ProductFile,
      { version: pkg.version.id, kind: ProductFileKind.INSTALLER, platform: pkg.platform, language: pkg.language },
      untenanted,
    );
    const addOns = pkg.addOnIds.length ? await em.find(ProductFile, { id: { $in: pkg.addOnIds } }, untenanted) : [];
    const parts = [
      { file: installer, path: `installer/${installer.fileName}`, role: 'installer' as const },
      ...addOns.map((file) => ({ file, path: `add-ons/${file.fileName}`, role: 'add-on' as const })),
    ];
    const manifest: PackageManifest = {
      format: 'seatwise-install-package/1',
      name: pkg.name,
      product: { code: pkg.version.product.code, name: pkg.version.product.name, version: pkg.version.version },
      platform: pkg.platform,
      language: pkg.language,
      settings: pkg.settings,
      files: parts.map(({ file, path, role }) => ({ path, role, name: file.name, size: Number(file.size), sha256: file.sha256 })),
      createdAt: pkg.createdAt.toISOString(),
    };
    const script = installScript(manifest);

    const dir = join(config.dataDir, 'packages');
    mkdirSync(dir, { recursive: true });
    // One file per attempt: a worker presumed dead that finishes late cannot overwrite the archive
    // whose checksum the successful attempt recorded.
    const storageKey = `packages/${pkg.id}-${job.attempt}.tar.gz`;
    const temporary = join(dir, `${pkg.id}.${job.token.replace(/[^A-Za-z0-9-]/g, '_')}.part`);
    let archive: { sha256: string; size: number };
    try {
      archive = await writeArchive(temporary, pkg.createdAt, [
        { name: 'manifest.json', mode: 0o644, text: `${JSON.stringify(manifest, null, 2)}\n` },
        { name: script.path, mode: 0o755, text: script.text },
        ...parts.map((part) => ({ name: part.path, mode: 0o644, path: join(config.dataDir, part.file.storageKey), size: Number(part.file.size) })),
      ], (done, total) => progress((done / (total + 1)) * 100));
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    renameSync(temporary, join(config.dataDir, storageKey));

    return async (tx: EntityManager) => {
      await tx.nativeUpdate(InstallPackage, { id: pkg.id }, { storageKey, ...archive }, untenanted);
    };
  };
}
