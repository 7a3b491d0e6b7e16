import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, statSync } from 'node:fs';
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

async function addFile(pack: tar.Pack, name: string, path: string, size: number, mtime: Date) {
  const entry = pack.entry({ name, size, mode: 0o644, mtime });
  await pipeline(createReadStream(path), entry);
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
      createWriteStream(temporary),
    );
    pack.entry({ name: 'manifest.json', mode: 0o644, mtime: pkg.createdAt }, `${JSON.stringify(manifest, null, 2)}\n`);
    pack.entry({ name: script.path, mode: 0o755, mtime: pkg.createdAt }, script.text);
    for (const [index, part] of parts.entries()) {
      await addFile(pack, part.path, join(config.dataDir, part.file.storageKey), Number(part.file.size), pkg.createdAt);
      await progress(((index + 1) / (parts.length + 1)) * 100);
    }
    pack.finalize();
    await written;
    const sha256 = hash.digest('hex');
    const size = statSync(temporary).size;
    renameSync(temporary, join(config.dataDir, storageKey));

    return async (tx: EntityManager) => {
      await tx.nativeUpdate(InstallPackage, { id: pkg.id }, { storageKey, size, sha256 }, untenanted);
    };
  };
}
