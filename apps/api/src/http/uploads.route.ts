import { Router, type Request } from 'express';
import type { EntityManager } from '@mikro-orm/knex';
import type { Services } from '../context.js';
import { AppError, msg } from '../errors.js';
import type { VendorScope } from '@seatwise/schema';
import { authoriseStaff, VendorPermission, vendorPermissionTokens } from '../graphql/vendor-access.js';
import { sessionViewer } from '../modules/identity/session.service.js';
import { staffViewer } from '../modules/identity/staff/staff-session.service.js';
import { findUpload, receiveUploadBytes } from '../modules/vendor/catalogue-uploads.service.js';
import { staffActor, type VendorAuditInput } from '../modules/vendor/vendor-audit.service.js';
import { authenticateVendorBearer } from '../modules/vendor/vendor-tokens.service.js';

/** The content type of an upload's bytes (as in tus): not one a cross-site form may send, so a browser asks first (CORS), and no other origin is allowed. */
export const UPLOAD_CONTENT_TYPE = 'application/offset+octet-stream';

/**
 * Who sends an upload's bytes, with a fresh entity manager: an operator by the staff session cookie
 * (SameSite=Lax), or a vendor service token (`Authorization: Bearer sw_vnd_…`) with the catalogue
 * write scope, acting as the operator who created it. Any other token is refused with 403.
 */
async function requireOperator(services: Services, req: Request): Promise<{ em: EntityManager; actor: Pick<VendorAuditInput, 'actorId' | 'tokenName'> }> {
  const em = services.orm.em.fork() as EntityManager;
  const scope = vendorPermissionTokens[VendorPermission.MANAGE_CATALOGUE] as VendorScope;
  if (req.headers.authorization !== undefined) {
    const token = await authenticateVendorBearer(em, req.headers.authorization);
    if (!token) {
      throw new AppError('VENDOR_STAFF_ONLY', msg('Product files take a vendor service token (sw_vnd_…) with the scope {scope}: API tokens of customer accounts cannot upload them.', { scope }));
    }
    if (!token.token?.scopes.includes(scope)) {
      throw new AppError('INSUFFICIENT_SCOPE', msg('This token lacks the scope {scope}, which uploading product files needs.', { scope }), 'Authorization', { requiredScope: scope });
    }
    authoriseStaff({ staff: token, viewer: null }, VendorPermission.MANAGE_CATALOGUE);
    return { em, actor: staffActor(token) };
  }
  const staff = await staffViewer(em, req);
  const viewer = staff ? null : await sessionViewer(em, req);
  authoriseStaff({ staff, viewer }, VendorPermission.MANAGE_CATALOGUE);
  return { em, actor: staffActor(staff!) };
}

const wholeNumber = (value: string | undefined) => (value !== undefined && /^\d{1,16}$/.test(value) ? Number(value) : null);

/**
 * The bytes of a catalogue upload begun with `createFileUpload` (docs/api.md, "Catalogue uploads"):
 * `HEAD /api/uploads/<id>` answers how many arrived (`Upload-Offset`, `Upload-Length`);
 * `PATCH /api/uploads/<id>` with `Upload-Offset: <n>` and `Content-Type: application/offset+octet-stream`
 * appends its body from byte n, streamed to disk through SHA-256. 204 with the new offset while
 * bytes are missing, 201 with the file once the last byte arrived.
 */
export function uploadsRoute(services: Services): Router {
  const router = Router();
  router.head('/api/uploads/:id', async (req, res, next) => {
    try {
      const { em } = await requireOperator(services, req);
      const upload = await findUpload(em, req.params.id);
      res.setHeader('Upload-Offset', String(upload.received));
      res.setHeader('Upload-Length', String(upload.size));
      res.setHeader('Cache-Control', 'no-store');
      res.status(200).end();
    } catch (error) {
      next(error);
    }
  });
  router.patch('/api/uploads/:id', async (req, res, next) => {
    try {
      const { em, actor } = await requireOperator(services, req);
      if (req.headers['content-type'] !== UPLOAD_CONTENT_TYPE) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', msg('Send the bytes with Content-Type: application/offset+octet-stream.'), 'Content-Type');
      }
      const offset = wholeNumber(req.headers['upload-offset'] as string | undefined);
      if (offset === null) throw new AppError('BAD_USER_INPUT', msg('Say where the bytes start with the Upload-Offset header.'), 'Upload-Offset');
      const length = wholeNumber(req.headers['content-length']);
      const progress = await receiveUploadBytes(em, services.config, actor, req.params.id, offset, length, req);
      res.setHeader('Cache-Control', 'no-store');
      if (progress.done) {
        res.setHeader('Upload-Offset', String(progress.file.size));
        res.status(201).json({ file: progress.file });
      } else {
        res.setHeader('Upload-Offset', String(progress.upload.received));
        res.status(204).end();
      }
    } catch (error) {
      // A refusal before the body was read: the client may still be sending it; close after answering.
      if (!req.complete) res.setHeader('Connection', 'close');
      if (res.headersSent) res.destroy();
      else next(error);
    }
  });
  return router;
}
