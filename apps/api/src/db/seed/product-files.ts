import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EntityManager } from '@mikro-orm/knex';
import { Product, ProductKind } from '../../modules/catalog/product.entity.js';
import { ProductVersion } from '../../modules/catalog/product-version.entity.js';
import { Platform, ProductFile, ProductFileKind } from '../../modules/downloads/product-file.entity.js';

/**
 * Small, real, deterministic files standing in for installers, updates and add-ons: the same name
 * always gives the same bytes, so their SHA-256 is stable and a file deleted from the data folder
 * is written again identically by the next seed.
 */
export function demoFileBytes(seed: string, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  const header = Buffer.from(`Seatwise demo file: ${seed}\n`);
  header.copy(bytes, 0, 0, Math.min(header.length, size));
  for (let offset = header.length, block = 0; offset < size; block += 1) {
    const digest = createHash('sha256').update(`${seed}#${block}`).digest();
    offset += digest.copy(bytes, offset, 0, Math.min(digest.length, size - offset));
  }
  return bytes;
}

const extension: Record<Platform, string> = { WINDOWS: 'exe', MACOS: 'dmg', LINUX: 'run' };

interface FileSpec {
  kind: ProductFileKind;
  name: string;
  platform: Platform;
  language: string;
  fileName: string;
  size: number;
  releasedAt: string;
  description?: string;
}

export function filesOfVersion(product: Pick<Product, 'code' | 'name'>, version: string, releasedAt: string, current: boolean): FileSpec[] {
  const code = product.code.toLowerCase();
  const base = 24_576 + (parseInt(createHash('sha256').update(product.code + version).digest('hex').slice(0, 4), 16) % 16_384);
  const platforms = product.code === 'FRM' ? [Platform.WINDOWS, Platform.MACOS, Platform.LINUX] : [Platform.WINDOWS, Platform.MACOS];
  const specs: FileSpec[] = [];
  for (const platform of platforms) {
    const languages = platform === Platform.WINDOWS ? ['en-US', 'sl-SI'] : ['en-US'];
    for (const language of languages) {
      specs.push({
        kind: ProductFileKind.INSTALLER,
        name: `${product.name} ${version}`,
        platform,
        language,
        fileName: `${code}-${version}-${platform.toLowerCase()}-${language}.${extension[platform]}`,
        size: base,
        releasedAt,
      });
    }
  }
  const year = Number(version);
  const updates = current ? 2 : 3;
  for (let number = 1; number <= updates; number += 1) {
    const month = String(Math.min(12, 3 + number * 3)).padStart(2, '0');
    specs.push({
      kind: ProductFileKind.UPDATE,
      name: number === updates && !current ? `${product.name} ${version} Service Pack 1` : `${product.name} ${version} Update ${number}`,
      platform: Platform.WINDOWS,
      language: 'en-US',
      fileName: `${code}-${version}-update-${number}.exe`,
      size: 6_144 + number * 1_024,
      releasedAt: `${year - 1}-${month}-15`,
      description: number === 1 ? 'Fixes stability issues when opening large drawings.' : 'Performance improvements and security fixes.',
    });
  }
  if (current) {
    for (const [slug, title] of [['rebar', 'Rebar Detailing'], ['export', 'IFC Export Tools']] as const) {
      for (const platform of platforms) {
        specs.push({
          kind: ProductFileKind.ADD_ON,
          name: `${title} for ${product.name} ${version}`,
          platform,
          language: 'en-US',
          fileName: `${code}-${version}-${slug}-addon-${platform.toLowerCase()}.${extension[platform]}`,
          size: 4_096 + slug.length * 512,
          releasedAt,
          description: slug === 'rebar' ? 'Detail and schedule reinforcement.' : 'Exchange models in the IFC format.',
        });
      }
    }
  }
  return specs;
}

/**
 * The rows of one version's demo files, as the upload service would write them, and the files
 * themselves under `dataDir` (same bytes every time). Added to `em`'s unit of work.
 */
export function addVersionFiles(
  em: EntityManager,
  product: Pick<Product, 'code' | 'name'>,
  version: Pick<ProductVersion, 'id' | 'version' | 'releasedAt'>,
  current: boolean,
  dataDir: string | null,
): void {
  for (const spec of filesOfVersion(product, version.version, version.releasedAt, current)) {
    const bytes = demoFileBytes(spec.fileName, spec.size);
    const storageKey = `installers/${product.code.toLowerCase()}/${version.version}/${spec.fileName}`;
    em.create(ProductFile, {
      version: em.getReference(ProductVersion, version.id),
      kind: spec.kind,
      name: spec.name,
      platform: spec.platform,
      language: spec.language,
      fileName: spec.fileName,
      storageKey,
      size: spec.size,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      releasedAt: spec.releasedAt,
      description: spec.description ?? null,
    });
    if (dataDir) {
      const path = join(dataDir, storageKey);
      if (!existsSync(path) || statSync(path).size !== spec.size) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, bytes);
      }
    }
  }
}

/** Every software version's files, for a demo database seeded before installer files existed. */
async function seedProductFiles(em: EntityManager, products: Iterable<Product>, dataDir: string | null) {
  for (const product of products) {
    if (product.kind !== ProductKind.SOFTWARE) continue;
    const versions = [...product.versions].sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
    versions.forEach((version, index) => addVersionFiles(em, product, version, index === 0, dataDir));
  }
  await em.flush();
}

/**
 * For a database seeded before installer files existed, or a data folder emptied since: adds the
 * catalogue rows when there are none and writes any file missing on disk (same bytes as before).
 */
export async function ensureDemoProductFiles(em: EntityManager, dataDir: string | null) {
  if ((await em.count(ProductFile, {})) === 0) {
    const products = await em.find(Product, {}, { populate: ['versions'] });
    await seedProductFiles(em, products, dataDir);
    return;
  }
  if (!dataDir) return;
  for (const file of await em.find(ProductFile, {})) {
    const path = join(dataDir, file.storageKey);
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, demoFileBytes(file.fileName, Number(file.size)));
    }
  }
}
