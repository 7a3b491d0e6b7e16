import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import { Role, ScheduledRunStatus } from '@seatwise/schema';
import type { Services } from '../context.js';
import { msg, say } from '../i18n/messages.js';
import type { Logger } from '../logger.js';
import { checkDownloadToken } from '../modules/downloads/download-link.js';
import { ReportExportRunRow } from '../modules/exports/report-export-run.entity.js';
import { contentTypes, type TableFormat } from '../modules/exports/table-writer.js';
import { contextOfGrant } from './downloads.js';

/**
 * `GET /api/report-exports/<signed token>/<file name>`: the file of a scheduled export's run. The
 * token (the download links' HMAC, kind `e`) names the run, the person and the account and
 * expires; the person must still be an active member there, and the run is looked up in that
 * account only, so a link never reaches another account's file. Recipients get their own link by
 * mail; admins get a short one from the runs list.
 */
export function reportExportsRoute(services: Services, logger: Logger): Router {
  const router = Router();
  router.get('/api/report-exports/:token/:fileName', async (req, res, next) => {
    try {
      const check = checkDownloadToken(services.config, req.params.token, services.config.now());
      const refuse = (status: number, message: ReturnType<typeof msg>) => void res.status(status).type('text/plain').send(say(message));
      if (!check.ok) {
        return check.reason === 'EXPIRED'
          ? refuse(410, msg('This export link has expired. Open the run in Scheduled exports for a new one.'))
          : refuse(403, msg('This export link is not valid.'));
      }
      if (check.grant.kind !== 'e') return refuse(403, msg('This export link is not valid.'));
      const ctx = await contextOfGrant(services, req, res, check.grant);
      if (!ctx) return refuse(403, msg('You are no longer a member of the account this export belongs to.'));
      const run = await ctx.em.findOne(ReportExportRunRow, { id: check.grant.id, status: ScheduledRunStatus.SUCCEEDED }, { populate: ['export'] });
      const recipient = run?.export.recipientIds.includes(ctx.viewer.userId) || ctx.viewer.role !== Role.USER;
      if (!run?.storageKey || !run.fileName || !recipient) return refuse(404, msg('This export is no longer kept.'));
      const path = join(services.config.dataDir, run.storageKey);
      const file = await stat(path).catch(() => null);
      if (!file?.isFile()) {
        logger.error({ path }, 'export file missing on disk');
        return refuse(404, msg('This export is no longer kept.'));
      }
      const format = run.storageKey.slice(run.storageKey.lastIndexOf('.') + 1) as TableFormat;
      res.setHeader('Content-Disposition', `attachment; filename="${run.fileName}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Length', String(file.size));
      res.type(contentTypes[format] ?? 'application/octet-stream');
      await pipeline(createReadStream(path), res);
    } catch (error) {
      if (res.headersSent) res.destroy(error as Error);
      else next(error);
    }
  });
  return router;
}
