import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import type { TestApp, TestClient } from './harness.js';
import { dataOf } from './harness.js';

export const ENTITLEMENTS = `
  query Entitlements {
    productEntitlements {
      id code name kind homeUseAllowed networkLicenceAllowed
      licences { subscriptionId subscriptionName licenceType term seats seatsAssigned holdsSeat endsOn daysLeft active serialNumber }
      versions { id version current serialNumber productKey trial updates { id name } addOns { id name platform } }
      trial { id active daysLeft }
    }
  }`;

export interface EntitlementNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  homeUseAllowed: boolean;
  networkLicenceAllowed: boolean;
  licences: { subscriptionId: string; subscriptionName: string; licenceType: string; term: string; seats: number; holdsSeat: boolean; active: boolean; serialNumber: string }[];
  versions: { id: string; version: string; current: boolean; serialNumber: string; productKey: string; trial: boolean; updates: { id: string; name: string }[]; addOns: { id: string; name: string; platform: string }[] }[];
  trial: { id: string; active: boolean; daysLeft: number } | null;
}

export async function entitlementsOf(client: TestClient): Promise<EntitlementNode[]> {
  return dataOf(await client.graphql<{ productEntitlements: EntitlementNode[] }>(ENTITLEMENTS)).productEntitlements;
}

export const DOWNLOADS = `
  query Downloads($versionId: UUID!, $platform: Platform, $language: String) {
    productDownloads(versionId: $versionId, platform: $platform, language: $language) {
      productName version platforms languages
      installers { id fileName size sha256 platform language }
      methods { method resumable }
    }
  }`;

export const LINKS = `mutation Links($fileIds: [UUID!]!) { createDownloadLinks(fileIds: $fileIds) { url expiresAt fileName size sha256 } }`;

export interface Link {
  url: string;
  expiresAt: string;
  fileName: string;
  size: number;
  sha256: string;
}

export async function linksFor(client: TestClient, fileIds: string[]): Promise<Link[]> {
  return dataOf(await client.graphql<{ createDownloadLinks: Link[] }>(LINKS, { fileIds })).createDownloadLinks;
}

export const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface Downloaded {
  status: number;
  headers: Headers;
  body: Buffer;
}

export async function download(app: TestApp, url: string, headers: Record<string, string> = {}): Promise<Downloaded> {
  const response = await fetch(`${app.url}${url}`, { headers });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** The entries of a .tar.gz, by name. */
export async function readTarGz(bytes: Buffer): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        entries.set(header.name, Buffer.concat(chunks));
        next();
      });
      stream.resume();
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  Readable.from(bytes).pipe(createGunzip()).pipe(extract);
  await done;
  return entries;
}

export async function auditCount(app: TestApp, action: string): Promise<number> {
  const [row] = await app.sql<{ total: number | string }>('select count(*) as total from audit_entries where action = ?', [action]);
  return Number(row?.total);
}
