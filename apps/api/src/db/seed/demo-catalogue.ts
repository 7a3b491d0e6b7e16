import { LicenceType, ProductKind } from '@seatwise/schema';
import type { EntityManager } from '@mikro-orm/knex';
import { isPostgres } from '../database.js';
import { addProductVersion, createCatalogueProduct, publishProductVersion } from '../../modules/vendor/catalogue.service.js';
import type { DemoServices } from './demo-services.js';
import { addVersionFiles } from './product-files.js';

export const catalogue = [
  { code: 'DRF', name: 'Drafter', kind: ProductKind.SOFTWARE, description: '2D drafting and documentation.' },
  { code: 'STR', name: 'Structa BIM', kind: ProductKind.SOFTWARE, description: 'Building information modelling.' },
  { code: 'FRM', name: 'Formwork 3D', kind: ProductKind.SOFTWARE, description: '3D CAD, CAM and CAE in one.' },
  { code: 'CIV', name: 'Civilia', kind: ProductKind.SOFTWARE, description: 'Civil infrastructure design.' },
  { code: 'PLT', name: 'Plant Designer', kind: ProductKind.SOFTWARE, description: 'Process plant layout.' },
  { code: 'MOT', name: 'Motion Studio', kind: ProductKind.SOFTWARE, description: 'Animation and rendering.' },
  { code: 'SMP', name: 'Sheet Metal Pro', kind: ProductKind.SOFTWARE, description: 'Sheet metal unfolding.' },
  { code: 'VLT', name: 'Vault Docs', kind: ProductKind.SOFTWARE, description: 'Design data management.' },
  { code: 'RND', name: 'Cloud Rendering', kind: ProductKind.CLOUD_SERVICE, description: 'Renders in the cloud.' },
  { code: 'GEN', name: 'Generative Design', kind: ProductKind.CLOUD_SERVICE, description: 'Design studies in the cloud.' },
] as const;

/** The three releases of every software product; the newest is current, the others previous. */
const releases = [
  ['2024', '2023-03-28'],
  ['2025', '2024-03-26'],
  ['2026', '2025-03-25'],
] as const;

/**
 * The catalogue as the operator builds it in the Vendor console: each product created and each
 * version added as a draft through the catalogue service, then published (which checks it has
 * files, makes it current and the former current previous) on its release day, the clock moved
 * there, and before any customer exists, so the publications notify nobody. The files of a draft
 * are written as rows (the rows and storage the upload service would write, bytes included):
 * 173 uploads through the service, each two transactions and a file move, would add seconds to
 * every seed. Returns the products' ids by code.
 */
export async function seedCatalogue(services: DemoServices, em: EntityManager, dataDir: string | null): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const addProduct = async (item: (typeof catalogue)[number]) => {
    const software = item.kind === ProductKind.SOFTWARE;
    const product = await createCatalogueProduct(services.staff(), {
      code: item.code,
      name: item.name,
      kind: item.kind,
      description: item.description,
      licenceTypes: software ? [LicenceType.SINGLE_USER, LicenceType.MULTI_USER, LicenceType.NETWORK] : [LicenceType.CLOUD],
    });
    ids.set(item.code, product.id);
    if (!software) return;
    const files = em.fork();
    for (const [version, releasedOn] of releases) {
      const added = await addProductVersion(services.staff(), { productId: product.id, version, releasedOn });
      const draft = added.versions.find((candidate) => candidate.version === version)!;
      addVersionFiles(files, item, { id: draft.id, version, releasedAt: releasedOn }, version === '2026', dataDir);
      await files.flush();
      await publishProductVersion(services.staff(new Date(`${releasedOn}T08:00:00Z`)), { versionId: draft.id, expectedRevision: draft.revision });
    }
  };
  // PostgreSQL takes the products side by side (a product's own steps stay in order); SQLite has
  // one connection, and one after another is what it does anyway.
  if (isPostgres(em)) await Promise.all(catalogue.map(addProduct));
  else for (const item of catalogue) await addProduct(item);
  return ids;
}
