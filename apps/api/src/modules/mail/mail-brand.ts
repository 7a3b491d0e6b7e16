/**
 * The vendor's brand as mails show it: the header (name, logo, colour) and the footer (support,
 * legal links, "Powered by Seatwise"). The brand module supplies it when the app is built, so mail
 * imports no module.
 */
export interface MailBrand {
  name: string;
  /** #rrggbb, or null for the default. */
  primaryColor: string | null;
  /** #rrggbb for the header's rule, or null for the main colour. */
  accentColor: string | null;
  /** An absolute URL of the logo, or null. */
  logoUrl: string | null;
  supportEmail: string | null;
  supportUrl: string | null;
  termsUrl: string | null;
  privacyUrl: string | null;
}

/** The look Seatwise ships with, for mails sent before any brand is set. */
export const defaultMailBrand: MailBrand = {
  name: 'Seatwise',
  primaryColor: null,
  accentColor: null,
  logoUrl: null,
  supportEmail: null,
  supportUrl: null,
  termsUrl: null,
  privacyUrl: null,
};
