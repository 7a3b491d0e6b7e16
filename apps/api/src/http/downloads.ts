import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Router, urlencoded, type Request, type Response } from 'express';
import type { EntityManager } from '@mikro-orm/knex';
import { MembershipStatus } from '@seatwise/schema';
import { contextFor, type AccountContext, type Services } from '../context.js';
import { msg, say } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import type { DownloadGrant } from '../modules/downloads/download-link.js';
import { readDownloadToken } from '../modules/downloads/downloads.service.js';
import { entitledFile } from '../modules/products/file-downloads.service.js';
import { packageForDownload } from '../modules/products/install-packages.service.js';
import { recordProductAudit } from '../modules/audit/audit.service.js';
import { Membership } from '../modules/users/membership.entity.js';
import { archivePaths, streamZip } from './download-archive.js';
import { planRange, type RangePlan } from './byte-ranges.js';

/**
 * The context a signed link acts in: the person it was issued to, in its account, with their
 * current role; null when they are no longer an active member there.
 */
export async function contextOfGrant(services: Services, req: Request, res: Response, grant: DownloadGrant): Promise<AccountContext | null> {
  const em = services.orm.em.fork() as EntityManager;
  em.setFilterParams('tenant', { accountId: grant.accountId });
  const membership = await em.findOne(Membership, { user: grant.userId, status: MembershipStatus.ACTIVE });
  if (!membership) return null;
  const viewer = { userId: grant.userId, accountId: grant.accountId, role: membership.role, sessionId: null, token: null };
  return contextFor(services, req, res, viewer, em) as AccountContext;
}

const MAX_ARCHIVE_FILES = 100;

/** The token of a link as `createDownloadLinks` returns it (`/api/downloads/<token>/<name>`), or the bare token. */
const tokenOf = (link: string) => (link.startsWith('/api/downloads/') ? (link.split('/')[3] ?? '') : link);

/**
 * `POST /api/downloads/archive` with form fields `link=<download link>` (1 to 100, all issued to the
 * same person): F-25 "Download all" as one zip instead of one browser download per file. Each link
 * is checked as if it were downloaded on its own (signature, expiry, entitlement now).
 */
async function sendArchive(services: Services, logger: Logger, req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as { link?: unknown };
  const links = [body.link].flat().filter((link): link is string => typeof link === 'string' && link.length > 0);
  if (links.length === 0 || links.length > MAX_ARCHIVE_FILES) {
    res.status(400).type('text/plain').send(say(msg('Send 1 to {max} download links.', { max: MAX_ARCHIVE_FILES })));
    return;
  }
  const grants: DownloadGrant[] = [];
  for (const link of links) {
    const grant = readDownloadToken(services, tokenOf(link));
    if ('status' in grant) return void res.status(grant.status).type('text/plain').send(say(grant.message));
    grants.push(grant);
  }
  const [first] = grants as [DownloadGrant];
  if (grants.some((grant) => grant.kind !== 'f' || grant.userId !== first.userId || grant.accountId !== first.accountId)) {
    return void res.status(403).type('text/plain').send(say(msg('This download link is not valid.')));
  }
  const ctx = await contextOfGrant(services, req, res, first);
  const refused = () => res.status(403).type('text/plain').send(say(msg('You are no longer entitled to this download.')));
  if (!ctx) return void refused();
  const files = [];
  for (const id of new Set(grants.map((grant) => grant.id))) {
    const file = await entitledFile(ctx, id);
    if (!file) return void refused();
    const path = join(services.config.dataDir, file.storageKey);
    if (!(await stat(path).catch(() => null))?.isFile()) {
      logger.error({ path }, 'download file missing on disk');
      return void res.status(404).type('text/plain').send(say(msg('The file is not available on this server.')));
    }
    files.push({ file, path });
  }
  for (const { file } of files) {
    recordProductAudit(ctx.em, {
      accountId: first.accountId,
      actorId: first.userId,
      action: 'download.file',
      targetType: 'ProductFile',
      targetId: file.id,
      summary: `Downloaded ${file.name} (${file.fileName}) in an archive`,
      after: { sha256: file.sha256 },
    });
  }
  await ctx.em.flush();
  const names = archivePaths(files.map(({ file }) => ({ folder: `${file.version.product.name} ${file.version.version}`, fileName: file.fileName })));
  const entries = files.map(({ file, path }, index) => ({ path, name: names[index]!, date: new Date(`${file.releasedAt}T00:00:00Z`) }));
  await streamZip(res, `seatwise-downloads-${new Date().toISOString().slice(0, 10)}.zip`, entries);
}

/** A resumed request (a range past the first byte) is the same download: audit only its start. */
const startsDownload = (plan: RangePlan) => plan.status === 200 || (plan.status === 206 && plan.start === 0);

/** Sends the planned part of the file; a client that goes away mid-file just ends the stream. */
async function sendPlanned(req: Request, res: Response, path: string, size: number, plan: RangePlan): Promise<void> {
  if (plan.status === 416) {
    res.status(416).setHeader('Content-Range', `bytes */${size}`);
    res.type('text/plain').send(say(msg('The requested range is past the end of the file.')));
    return;
  }
  const [start, end] = plan.status === 206 ? [plan.start, plan.end] : [0, size - 1];
  res.status(plan.status).type('application/octet-stream');
  res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
  if (plan.status === 206) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  if (req.method === 'HEAD' || size === 0) return void res.end();
  await pipeline(createReadStream(path, { start, end }), res).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  });
}

/**
 * `GET /api/downloads/<signed token>/<file name>`: the browser download of F-21, F-24 and F-25.
 * The token names the file, the person and the account and expires; the person's entitlement is
 * checked again here, so a seat taken back or a trial that ended stops the download. Range and
 * If-Range follow RFC 9110 (`planRange`), with the file's SHA-256 as its strong ETag, so an
 * interrupted download resumes exactly where it stopped and a changed file starts over.
 */
export function downloadsRouter(services: Services, logger: Logger): Router {
  const { config } = services;
  const router = Router();
  router.post('/api/downloads/archive', urlencoded({ extended: false, limit: '200kb', parameterLimit: MAX_ARCHIVE_FILES + 1 }), async (req, res, next) => {
    try {
      await sendArchive(services, logger, req, res);
    } catch (error) {
      if (res.headersSent) res.destroy(error as Error);
      else next(error);
    }
  });
  router.get('/api/downloads/:token/:fileName', async (req, res, next) => {
    try {
      const grant = readDownloadToken({ config }, req.params.token);
      if ('status' in grant) {
        res.status(grant.status).type('text/plain').send(say(grant.message));
        return;
      }
      const ctx = await contextOfGrant(services, req, res, grant);
      const refused = () => res.status(403).type('text/plain').send(say(msg('You are no longer entitled to this download.')));
      if (!ctx) return void refused();

      const target =
        grant.kind === 'f'
          ? await entitledFile(ctx, grant.id).then((file) => file && { storageKey: file.storageKey, fileName: file.fileName, sha256: file.sha256, label: `${file.name} (${file.fileName})` })
          : grant.kind === 'p'
            ? await packageForDownload(ctx, grant.id)
            : null;
      if (!target) return void refused();
      const path = join(config.dataDir, target.storageKey);
      const file = await stat(path).catch(() => null);
      if (!file?.isFile()) {
        logger.error({ path }, 'download file missing on disk');
        res.status(404).type('text/plain').send(say(msg('The file is not available on this server.')));
        return;
      }
      const validators = { etag: `"${target.sha256}"`, lastModified: file.mtime };
      const plan = planRange(req.headers, file.size, validators);
      if (startsDownload(plan)) {
        recordProductAudit(ctx.em, {
          accountId: grant.accountId,
          actorId: grant.userId,
          action: grant.kind === 'f' ? 'download.file' : 'download.package',
          targetType: grant.kind === 'f' ? 'ProductFile' : 'InstallPackage',
          targetId: grant.id,
          summary: `Downloaded ${target.label}`,
          after: { sha256: target.sha256 },
        });
        await ctx.em.flush();
      }
      res.setHeader('Content-Disposition', `attachment; filename="${target.fileName.replace(/"/g, '')}"`);
      res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(target.sha256, 'hex').toString('base64')}:`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Accept-Ranges', 'bytes');
      res.setHeader('ETag', validators.etag);
      res.setHeader('Last-Modified', file.mtime.toUTCString());
      await sendPlanned(req, res, path, file.size, plan);
    } catch (error) {
      if (res.headersSent) res.destroy(error as Error);
      else next(error);
    }
  });
  return router;
}
