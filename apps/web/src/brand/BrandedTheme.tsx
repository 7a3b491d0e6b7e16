import { createTheme, MantineProvider } from '@mantine/core';
import { type ReactNode, useLayoutEffect, useMemo, useState } from 'react';
import { nameBrandInStrings } from '../i18n';
import { type Brand, BrandContext, shadesOf } from './brand';
import { contrastResolver } from './contrast';

const base = {
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
} as const;

/**
 * The server's Content-Security-Policy admits `<style>` elements with this page's nonce only
 * (apps/api/src/http/security-headers.ts): Mantine writes its theme variables into one.
 */
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
const getStyleNonce = () => styleNonce;

/** Mantine's theme from the brand: its colour is the primary one; without one, today's indigo. */
export function BrandedTheme({ initial, children }: { initial: Brand; children: ReactNode }) {
  const [brand, setBrand] = useState(initial);
  const theme = useMemo(
    () =>
      brand.primaryColor
        ? createTheme({ ...base, colors: { brand: shadesOf(brand.primaryColor) }, primaryColor: 'brand', primaryShade: 6 })
        : createTheme({ ...base, primaryColor: 'indigo' }),
    [brand.primaryColor],
  );
  nameBrandInStrings(brand.name);
  const state = useMemo(() => ({ brand, setBrand }), [brand]);
  // Before the screens' own effects, which put the page's heading in front of the brand (PageHeader).
  useLayoutEffect(() => {
    document.title = brand.name;
  }, [brand.name]);
  return (
    <BrandContext value={state}>
      <MantineProvider theme={theme} defaultColorScheme="light" getStyleNonce={getStyleNonce} cssVariablesResolver={contrastResolver}>
        {children}
      </MantineProvider>
    </BrandContext>
  );
}
