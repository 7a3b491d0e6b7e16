import { createContext, useContext } from 'react';
import type { MantineColorsTuple } from '@mantine/core';
// The brand's own entry of the client package: the first load carries only these values.
import { defaultBrand as shippedBrand } from '@seatwise/schema/client/brand';

/** The vendor's brand as the public `brand` query answers it (V-07). */
export interface Brand {
  name: string;
  primaryColor: string | null;
  accentColor: string | null;
  logoUrl: string | null;
  supportEmail: string | null;
  supportUrl: string | null;
  termsUrl: string | null;
  privacyUrl: string | null;
  isDefault: boolean;
}

/** Seatwise's own look until the vendor sets a brand: the same defaults the API's mails use. */
export const defaultBrand: Brand = { ...shippedBrand, isDefault: true };

const BRAND_QUERY = '{ brand { name primaryColor accentColor logoUrl supportEmail supportUrl termsUrl privacyUrl isDefault } }';

/**
 * The brand, read before the first screen draws (beside the language's strings) with a plain
 * request: the sign-in page shows it at once, and the entry does not carry the GraphQL client.
 */
export async function loadBrand(): Promise<Brand> {
  try {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: BRAND_QUERY }) });
    const body = (await response.json()) as { data?: { brand?: Brand } };
    return body.data?.brand ?? defaultBrand;
  } catch {
    return defaultBrand;
  }
}

/** Ten shades around the brand's colour (Mantine's scale, the colour itself at index 6). */
export function shadesOf(hex: string): MantineColorsTuple {
  const value = Number.parseInt(hex.slice(1), 16);
  const rgb = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  const mix = (toward: number, amount: number) =>
    `#${rgb.map((channel) => Math.round(channel + (toward - channel) * amount).toString(16).padStart(2, '0')).join('')}`;
  return [mix(255, 0.92), mix(255, 0.8), mix(255, 0.62), mix(255, 0.44), mix(255, 0.26), mix(255, 0.12), hex, mix(0, 0.14), mix(0, 0.28), mix(0, 0.42)] as unknown as MantineColorsTuple;
}

export interface BrandState {
  brand: Brand;
  /** After the Vendor console saves a new brand: the whole SPA follows at once. */
  setBrand: (brand: Brand) => void;
}

export const BrandContext = createContext<BrandState>({ brand: defaultBrand, setBrand: () => {} });

export const useBrand = () => useContext(BrandContext);
