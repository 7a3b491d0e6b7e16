import { type BrandDefaults, defaultBrand } from '@seatwise/schema/client';

/**
 * The vendor's brand as mails show it: the header (name, logo, colour) and the footer (support,
 * legal links, "Powered by Seatwise"). The brand module supplies it when the app is built, so mail
 * imports no module. Its `logoUrl` is absolute; colours are #rrggbb or null for the default.
 */
export type MailBrand = BrandDefaults;

/** The look Seatwise ships with (`@seatwise/schema/client`, as the SPA's), for mails sent before any brand is set. */
export const defaultMailBrand: MailBrand = defaultBrand;
