import { createHash, type Hash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, truncate } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/knex';
import type { CreateFileUploadInput, FileUpload, CatalogueFile } from '@seatwise/schema';
import type { Config } from '../../config.js';
import { inTransaction, isUniqueViolation } from '../../common/transaction.js';
import { AppError, InvalidInputError, msg } from '../../errors.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { ProductVersion } from '../catalog/product-version.entity.js';
import { type Platform, ProductFile, type ProductFileKind } from '../downloads/product-file.entity.js';
import { User } from '../identity/user.entity.js';
import { fileTooLarge, uploadNotFound, versionNotFound } from './catalogue.errors.js';
import { toCatalogueFile, toFileUpload } from './catalogue-mapping.js';
import { FileUploadRow } from './file-upload.entity.js';
import { recordVendorAudit, staffActor, type VendorAuditInput } from './vendor-audit.service.js';

const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
/** No folders, no control characters, nothing a shell or a Content-Disposition header would trip on. */
const FILE_NAME = /^[^/\\:*?"<>|]{1,200}$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Where an upload's bytes wait (relative to the data folder) until it is complete. */
export const partKey = (id: string) => `uploads/${id}.part`;
/** Where a finished file lives (relative to the data folder), as `product_files.storage_key`. */
const fileKey = (fileId: string, fileName: string) => `files/${fileId}/${fileName}`;

const duplicateFile = () =>
  new InvalidInputError('name', msg('This version already has a file of this kind with this name, platform and language.'));

/** Begins an upload: checks everything about the file but its bytes, which go to `url`. */
export async function createFileUpload(ctx: StaffContext, input: CreateFileUploadInput): Promise<FileUpload> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new InvalidInputError('name', msg('Enter a name of up to 200 characters for the file.'));
  const fileName = input.fileName.trim();
  if (!FILE_NAME.test(fileName) || CONTROL.test(fileName) || fileName === '.' || fileName === '..') {
    throw new InvalidInputError('fileName', msg('Enter the file name without folders, such as drafter-2027-setup.exe.'));
  }
  if (!LANGUAGE.test(input.language)) throw new InvalidInputError('language', msg('Enter the language as a tag such as en-US or sl-SI.'));
  if (!Number.isSafeInteger(input.size) || input.size < 1) throw new InvalidInputError('size', msg('The file must have at least one byte.'));
  if (input.size > ctx.config.uploads.maxBytes) throw fileTooLarge(ctx.config.uploads.maxBytes);
  const version = await ctx.em.findOne(ProductVersion, { id: input.versionId }, { populate: ['product'] });
  if (!version) throw versionNotFound();
  const kind = input.kind as unknown as ProductFileKind;
  const platform = input.platform as unknown as Platform;
  if (await ctx.em.count(ProductFile, { version, kind, name, platform, language: input.language })) throw duplicateFile();
  const upload = await inTransaction(ctx, async (tx) => {
    const row = tx.em.create(FileUploadRow, {
      version: tx.em.getReference(ProductVersion, version.id),
      kind,
      name,
      platform,
      language: input.language,
      fileName,
      size: input.size,
      createdBy: tx.em.getReference(User, ctx.staff.userId),
      updatedAt: ctx.config.now(),
    });
    recordVendorAudit(tx.em, {
      ...staffActor(ctx.staff),
      action: 'catalogue.upload.begin',
      summary: `Began uploading ${fileName} (${input.size} bytes) to ${version.product.code} ${version.version}`,
      details: { uploadId: row.id, kind, platform, language: input.language, size: input.size },
    });
    await tx.em.flush();
    return row;
  });
  return toFileUpload(upload);
}

/** Hash states of uploads this process is receiving, so a resumed upload need not read its bytes again. */
const hashes = new Map<string, { hash: Hash; offset: number }>();
/**
 * How long a request's claim on an upload holds without renewal; renewed every third of it while
 * bytes arrive. A process that died mid-request frees the upload when it runs out.
 */
const RECEIVING_LEASE_MS = 60_000;

const uploadBusy = () => new AppError('UPLOAD_BUSY', msg('Bytes of this upload are arriving right now: stop sending them first.'), 'id');

/** True while some request (on any instance) holds the upload. */
const isReceiving = (upload: FileUploadRow, now = new Date()) => upload.receivingUntil !== null && upload.receivingUntil.getTime() > now.getTime();

/**
 * Claims the upload for one request, in the database so two instances cannot write one upload at
 * once: a conditional update only one request wins. Answers the release, which also stops renewing.
 */
async function claimReceiving(em: EntityManager, id: string): Promise<() => Promise<void>> {
  const token = randomUUID();
  const now = new Date();
  const claimed = await em.nativeUpdate(
    FileUploadRow,
    { id, $or: [{ receivingUntil: null }, { receivingUntil: { $lt: now } }] },
    { receivingBy: token, receivingUntil: new Date(now.getTime() + RECEIVING_LEASE_MS) },
  );
  if (claimed !== 1) throw uploadBusy();
  const fork = em.fork();
  const renew = setInterval(() => {
    void fork.nativeUpdate(FileUploadRow, { id, receivingBy: token }, { receivingUntil: new Date(Date.now() + RECEIVING_LEASE_MS) }).catch(() => {});
  }, RECEIVING_LEASE_MS / 3);
  renew.unref();
  return async () => {
    clearInterval(renew);
    await fork.nativeUpdate(FileUploadRow, { id, receivingBy: token }, { receivingBy: null, receivingUntil: null });
  };
}

/** Who an upload's audit entries name: the operator, and the vendor token the bytes came through. */
type Actor = Pick<VendorAuditInput, 'actorId' | 'tokenName'>;

async function discard(em: EntityManager, config: Config, upload: FileUploadRow, actor: Actor, reason: string): Promise<void> {
  await inTransaction({ em }, async (tx) => {
    await tx.em.nativeDelete(FileUploadRow, { id: upload.id });
    recordVendorAudit(tx.em, {
      ...actor,
      action: 'catalogue.upload.discard',
      summary: `Discarded the upload of ${upload.fileName} (${reason})`,
      details: { uploadId: upload.id, received: upload.received, size: upload.size },
    });
    await tx.em.flush();
  });
  hashes.delete(upload.id);
  await rm(join(config.dataDir, partKey(upload.id)), { force: true });
}

/** Cancels an upload: its row and its bytes go. */
export async function cancelFileUpload(ctx: StaffContext, id: string): Promise<boolean> {
  const upload = await ctx.em.findOne(FileUploadRow, { id });
  if (!upload) throw uploadNotFound();
  if (isReceiving(upload)) throw uploadBusy();
  await discard(ctx.em, ctx.config, upload, staffActor(ctx.staff), 'cancelled');
  return true;
}

/** Discards uploads no byte reached for `config.uploads.staleHours` (run hourly, and by the tests). */
export async function discardStaleUploads(em: EntityManager, config: Config): Promise<number> {
  const before = new Date(config.now().getTime() - config.uploads.staleHours * 3_600_000);
  const stale = await em.find(FileUploadRow, { updatedAt: { $lt: before } });
  for (const upload of stale) if (!isReceiving(upload)) await discard(em, config, upload, { actorId: null }, 'left unfinished');
  return stale.length;
}

export async function findUpload(em: EntityManager, id: string): Promise<FileUploadRow> {
  const upload = await em.findOne(FileUploadRow, { id }, { populate: ['version', 'version.product'] });
  if (!upload) throw uploadNotFound();
  return upload;
}

/** The hash of the bytes already on disk, from this process's memory or read again. */
async function hashOfPrefix(path: string, upload: FileUploadRow): Promise<Hash> {
  const kept = hashes.get(upload.id);
  if (kept && kept.offset === upload.received) return kept.hash;
  const hash = createHash('sha256');
  if (upload.received > 0) {
    for await (const chunk of createReadStream(path, { start: 0, end: upload.received - 1 })) hash.update(chunk as Buffer);
  }
  return hash;
}

export type UploadProgress = { done: false; upload: FileUpload } | { done: true; file: CatalogueFile };

/**
 * Appends the body of a PATCH at `offset`: streamed to disk through a SHA-256 hash, never held in
 * memory. More bytes than the file's declared size discard the whole upload (FILE_TOO_LARGE); an
 * interrupted request keeps what reached the disk, to resume from. The last byte turns the upload
 * into a file of the version, in one transaction with its audit entry.
 */
export async function receiveUploadBytes(
  em: EntityManager,
  config: Config,
  actor: Actor,
  id: string,
  offset: number,
  contentLength: number | null,
  body: Readable,
): Promise<UploadProgress> {
  const upload = await findUpload(em, id);
  if (isReceiving(upload)) throw uploadBusy();
  if (offset !== upload.received) {
    throw new AppError('UPLOAD_OFFSET_MISMATCH', msg('The upload continues at byte {offset}: send from there.', { offset: upload.received }), 'Upload-Offset', {
      offset: upload.received,
    });
  }
  const remaining = upload.size - upload.received;
  if (contentLength !== null && contentLength > remaining) {
    await discard(em, config, upload, actor, 'more bytes than declared');
    throw fileTooLarge(Math.min(upload.size, config.uploads.maxBytes));
  }
  const release = await claimReceiving(em, id);
  const path = join(config.dataDir, partKey(id));
  try {
    await mkdir(dirname(path), { recursive: true });
    // Bytes past what the database says arrived (a process that died mid-request) are dropped.
    const onDisk = (await stat(path).catch(() => null))?.size ?? 0;
    if (onDisk < upload.received) {
      upload.received = onDisk;
      await em.flush();
      throw new AppError('UPLOAD_OFFSET_MISMATCH', msg('The upload continues at byte {offset}: send from there.', { offset: onDisk }), 'Upload-Offset', { offset: onDisk });
    }
    if (onDisk > upload.received) await truncate(path, upload.received);
    const hash = await hashOfPrefix(path, upload);
    hashes.delete(id);
    let written = 0;
    let tooMany = false;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        if (written > remaining) {
          tooMany = true;
          return callback(fileTooLarge(Math.min(upload.size, config.uploads.maxBytes)));
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    const sink = createWriteStream(path, { flags: upload.received === 0 ? 'w' : 'r+', start: upload.received });
    try {
      await pipeline(body, meter, sink);
    } catch (error) {
      if (tooMany) {
        await discard(em, config, upload, actor, 'more bytes than declared');
        throw error;
      }
      // Interrupted: keep what reached the disk, to resume from.
      upload.received = Math.min(upload.size, (await stat(path).catch(() => null))?.size ?? upload.received);
      upload.updatedAt = config.now();
      await em.flush();
      throw error;
    }
    if (upload.received + written < upload.size) {
      upload.received += written;
      upload.updatedAt = config.now();
      hashes.set(id, { hash, offset: upload.received });
      await em.flush();
      return { done: false, upload: toFileUpload(upload) };
    }
    return { done: true, file: await attachFile(em, config, actor, upload, path, hash.digest('hex')) };
  } finally {
    // The row is gone once the upload became a file or was discarded: nothing to release then.
    await release();
  }
}

/** The complete upload becomes a file of its version: moved into place, then recorded with its audit entry. */
async function attachFile(em: EntityManager, config: Config, actor: Actor, upload: FileUploadRow, partPath: string, sha256: string): Promise<CatalogueFile> {
  const fileId = randomUUID();
  const storageKey = fileKey(fileId, upload.fileName);
  const target = join(config.dataDir, storageKey);
  await mkdir(dirname(target), { recursive: true });
  await rename(partPath, target);
  try {
    const file = await inTransaction({ em }, async (tx) => {
      await tx.em.nativeDelete(FileUploadRow, { id: upload.id });
      const created = tx.em.create(ProductFile, {
        id: fileId,
        version: tx.em.getReference(ProductVersion, upload.version.id),
        kind: upload.kind,
        name: upload.name,
        platform: upload.platform,
        language: upload.language,
        fileName: upload.fileName,
        storageKey,
        size: upload.size,
        sha256,
        releasedAt: upload.version.releasedAt,
      });
      recordVendorAudit(tx.em, {
        ...actor,
        action: 'catalogue.file.add',
        summary: `Added ${upload.fileName} (${upload.size} bytes, SHA-256 ${sha256}) to ${upload.version.product.code} ${upload.version.version}`,
        details: { fileId, kind: upload.kind, platform: upload.platform, language: upload.language, size: upload.size, sha256 },
      });
      await tx.em.flush();
      return created;
    });
    return toCatalogueFile(file);
  } catch (error) {
    await rm(dirname(target), { recursive: true, force: true });
    em.clear();
    if (isUniqueViolation(error)) {
      await discard(em, config, upload, actor, 'a file like it exists');
      throw duplicateFile();
    }
    throw error;
  }
}
