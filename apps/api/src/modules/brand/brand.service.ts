import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import type { Brand, SetBrandLogoInput, UpdateBrandInput } from '@seatwise/schema';
import { inTransaction } from '../../common/transaction.js';
import type { RequestContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import type { StaffContext } from '../../graphql/vendor-access.js';
import { defaultMailBrand, type MailBrand } from '../mail/mail-brand.js';
import { recordVendorAudit, staffActor } from '../vendor/vendor-audit.service.js';
import { BrandSettings } from './brand.entity.js';

/** A logo is a small image: at most this many bytes. */
export const MAX_LOGO_BYTES = 256 * 1024;
export const LOGO_PATH = '/api/brand/logo';

const HEX = /^#[0-9a-f]{6}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The image types a logo may be, by their first bytes: SVG is refused, as it can carry scripts. */
const signatures: Record<string, (bytes: Buffer) => boolean> = {
  'image/png': (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
};

const toBrand = (row: BrandSettings | null): Brand =>
  row
    ? {
        name: row.name,
        primaryColor: row.primaryColor,
        accentColor: row.accentColor,
        logoUrl: row.logoHash ? `${LOGO_PATH}?v=${row.logoHash.slice(0, 16)}` : null,
        supportEmail: row.supportEmail,
        supportUrl: row.supportUrl,
        termsUrl: row.termsUrl,
        privacyUrl: row.privacyUrl,
        isDefault: false,
      }
    : { ...defaultMailBrand, isDefault: true };

const findRow = (em: EntityManager) => em.findOne(BrandSettings, { key: 'brand' });

/** The brand as everyone sees it, signed in or not: the look Seatwise ships with until one is set. */
export async function readBrand(ctx: { em: EntityManager }): Promise<Brand> {
  return toBrand(await findRow(ctx.em));
}

/** The brand for mails, read when each is sent, its logo as an absolute URL. */
export async function mailBrandOf(em: EntityManager, publicUrl: string): Promise<MailBrand> {
  const brand = await readBrand({ em: em.fork() as EntityManager });
  return { ...brand, logoUrl: brand.logoUrl ? `${publicUrl}${brand.logoUrl}` : null };
}

function optional(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text ? text : null;
}

function colour(field: string, value: string | null | undefined): string | null {
  const text = optional(value);
  if (text && !HEX.test(text)) throw new InvalidInputError(field, msg('Write the colour as # and six hexadecimal digits, such as #1c7ed6.'));
  return text?.toLowerCase() ?? null;
}

function webAddress(field: string, value: string | null | undefined): string | null {
  const text = optional(value);
  if (!text) return null;
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // not a URL: the error below
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || text.length > 500) {
    throw new InvalidInputError(field, msg('Enter a web address that starts with https:// or http://, at most 500 characters.'));
  }
  return url.toString();
}

/** Every field checked before anything is written; the first wrong one is named. */
function checked(input: UpdateBrandInput) {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new InvalidInputError('input.name', msg('Enter the name of the brand, at most 100 characters.'));
  const supportEmail = optional(input.supportEmail);
  if (supportEmail && (!EMAIL.test(supportEmail) || supportEmail.length > 254)) {
    throw new InvalidInputError('input.supportEmail', msg('"{email}" is not a valid email address.', { email: supportEmail }));
  }
  return {
    name,
    primaryColor: colour('input.primaryColor', input.primaryColor),
    accentColor: colour('input.accentColor', input.accentColor),
    supportEmail,
    supportUrl: webAddress('input.supportUrl', input.supportUrl),
    termsUrl: webAddress('input.termsUrl', input.termsUrl),
    privacyUrl: webAddress('input.privacyUrl', input.privacyUrl),
  };
}

/** An operator sets the brand (V-07); a vendor audit entry says what it became. */
export async function updateBrand(ctx: StaffContext, input: UpdateBrandInput): Promise<Brand> {
  const values = checked(input);
  await inTransaction(ctx, async (tx) => {
    const row = (await findRow(tx.em)) ?? tx.em.create(BrandSettings, { name: values.name });
    tx.em.assign(row, { ...values, updatedAt: ctx.config.now() });
    recordVendorAudit(tx.em, { ...staffActor(ctx.staff), action: 'brand.update', summary: `Set the brand to ${values.name}`, details: values });
    await tx.em.flush();
  });
  return readBrand(ctx);
}

/** The logo: PNG or JPEG by its own bytes, not only by what the client says, at most 256 KB. */
export async function setBrandLogo(ctx: StaffContext, input: SetBrandLogoInput): Promise<Brand> {
  const check = signatures[input.contentType];
  if (!check) throw new InvalidInputError('input.contentType', msg('The logo must be a PNG or JPEG image; SVG is not accepted.'));
  const base64 = input.dataBase64.replace(/\s/g, '');
  const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(base64) ? Buffer.from(base64, 'base64') : Buffer.alloc(0);
  if (!bytes.length) throw new InvalidInputError('input.dataBase64', msg('The logo is empty or not base64-encoded.'));
  if (bytes.length > MAX_LOGO_BYTES) throw new InvalidInputError('input.dataBase64', msg('The logo can be at most {max} KB.', { max: MAX_LOGO_BYTES / 1024 }));
  if (!check(bytes)) throw new InvalidInputError('input.dataBase64', msg('The file is not the image type it claims to be.'));
  const hash = createHash('sha256').update(bytes).digest('hex');
  await inTransaction(ctx, async (tx) => {
    const row = (await findRow(tx.em)) ?? tx.em.create(BrandSettings, { name: defaultMailBrand.name });
    tx.em.assign(row, { logo: bytes, logoType: input.contentType, logoHash: hash, updatedAt: ctx.config.now() });
    recordVendorAudit(tx.em, { ...staffActor(ctx.staff), action: 'brand.logo', summary: 'Set the logo of the brand', details: { contentType: input.contentType, bytes: bytes.length, sha256: hash } });
    await tx.em.flush();
  });
  return readBrand(ctx);
}

/** Removes the logo; the name is shown in its place. */
export async function removeBrandLogo(ctx: StaffContext): Promise<Brand> {
  await inTransaction(ctx, async (tx) => {
    const row = await findRow(tx.em);
    if (!row?.logoHash) return;
    tx.em.assign(row, { logo: null, logoType: null, logoHash: null, updatedAt: ctx.config.now() });
    recordVendorAudit(tx.em, { ...staffActor(ctx.staff), action: 'brand.logo.remove', summary: 'Removed the logo of the brand' });
    await tx.em.flush();
  });
  return readBrand(ctx);
}

/** The logo's bytes for the public route, or null when none is set. */
export async function brandLogo(ctx: Pick<RequestContext, 'em'>): Promise<{ bytes: Buffer; type: string; hash: string } | null> {
  const row = await ctx.em.findOne(BrandSettings, { key: 'brand' }, { populate: ['logo'] });
  if (!row?.logo || !row.logoType || !row.logoHash) return null;
  return { bytes: Buffer.from(row.logo), type: row.logoType, hash: row.logoHash };
}
