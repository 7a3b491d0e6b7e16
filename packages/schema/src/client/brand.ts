/**
 * The brand Seatwise ships with: what the API answers, the SPA draws and every mail wears until
 * the vendor sets its own in the Vendor console (V-07). The API's mails (`mail/mail-brand.ts`) and
 * the SPA (`src/brand/brand.ts`) both start from these values.
 */
export interface BrandDefaults {
  name: string;
  /** #rrggbb, or null for the default colour below. */
  primaryColor: string | null;
  /** #rrggbb for the mail header's rule, or null for the main colour. */
  accentColor: string | null;
  logoUrl: string | null;
  supportEmail: string | null;
  supportUrl: string | null;
  termsUrl: string | null;
  privacyUrl: string | null;
}

export const defaultBrand: Readonly<BrandDefaults> = Object.freeze({
  name: 'Seatwise',
  primaryColor: null,
  accentColor: null,
  logoUrl: null,
  supportEmail: null,
  supportUrl: null,
  termsUrl: null,
  privacyUrl: null,
});

/**
 * The colour drawn when the brand has none: Mantine's indigo at shade 6, the SPA's primary colour
 * without a brand (its theme uses Mantine's own indigo scale) and the mails' header colour.
 */
export const defaultBrandColor = '#4c6ef5';
