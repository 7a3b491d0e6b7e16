import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { Router, type Request } from 'express';
import type { EntityManager } from '@mikro-orm/knex';
import { MembershipStatus } from '@seatwise/schema';
import { contextFor, type AccountContext, type Services } from '../context.js';
import { msg, say } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { entitledFile, readDownloadToken } from '../modules/downloads/downloads.service.js';
import { packageForDownload } from '../modules/products/install-packages.service.js';
import { recordProductAudit } from '../modules/products/product-audit.js';
import { Membership } from '../modules/users/membership.entity.js';

/** A resumed request (Range past the first byte) is the same download: audit only its start. */
function startsDownload(req: Request): boolean {
  const range = req.headers.range;
  return !range || /^bytes=0-/.test(range);
}

/**
 * `GET /api/downloads/<signed token>/<file name>`: the browser download of F-21, F-24 and F-25.
 * The token names the file, the person and the account and expires; the person's entitlement is
 * checked again here, so a seat taken back or a trial that ended stops the download. Express's
 * `sendFile` answers Range and If-Range requests (206), so interrupted downloads resume.
 */
export function downloadsRouter(services: Services, logger: Logger): Router {
  const { orm, config } = services;
  const router = Router();
  router.get('/api/downloads/:token/:fileName', async (req, res, next) => {
    try {
      const grant = readDownloadToken({ config }, req.params.token);
      if ('status' in grant) {
        res.status(grant.status).type('text/plain').send(say(grant.message));
        return;
      }
      const em = orm.em.fork() as EntityManager;
      em.setFilterParams('tenant', { accountId: grant.accountId });
      const membership = await em.findOne(Membership, { user: grant.userId, status: MembershipStatus.ACTIVE });
      const refused = () => res.status(403).type('text/plain').send(say(msg('You are no longer entitled to this download.')));
      if (!membership) return void refused();
      // The link stands in for a session: it acts as the person it was issued to, in its account.
      const viewer = { userId: grant.userId, accountId: grant.accountId, role: membership.role, sessionId: null, token: null };
      const ctx = contextFor(services, req, res, viewer, em) as AccountContext;

      const target =
        grant.kind === 'f'
          ? await entitledFile(ctx, grant.id).then((file) => file && { storageKey: file.storageKey, fileName: file.fileName, sha256: file.sha256, label: `${file.name} (${file.fileName})` })
          : await packageForDownload(ctx, grant.id);
      if (!target) return void refused();
      const path = join(config.dataDir, target.storageKey);
      if (!existsSync(path)) {
        logger.error({ path }, 'download file missing on disk');
        res.status(404).type('text/plain').send(say(msg('The file is not available on this server.')));
        return;
      }
      if (startsDownload(req)) {
        recordProductAudit(em, {
          accountId: grant.accountId,
          actorId: grant.userId,
          action: grant.kind === 'f' ? 'download.file' : 'download.package',
          targetType: grant.kind === 'f' ? 'ProductFile' : 'InstallPackage',
          targetId: grant.id,
          summary: `Downloaded ${target.label}`,
          after: { sha256: target.sha256 },
        });
        await em.flush();
      }
      res.setHeader('Content-Disposition', `attachment; filename="${target.fileName.replace(/"/g, '')}"`);
      res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(target.sha256, 'hex').toString('base64')}:`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.sendFile(path, { acceptRanges: true, dotfiles: 'allow' }, (error) => {
        if (error && !res.headersSent) next(error);
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
