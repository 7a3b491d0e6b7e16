import type { CSSVariablesResolver, MantineTheme } from '@mantine/core';

/** WCAG 2 relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  const linear = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** `color` laid over `under` at `amount` (0 to 1), as `#rrggbb`. */
export function mix(color: string, under: string, amount: number): string {
  const channels = (hex: string) => {
    const value = Number.parseInt(hex.slice(1, 7), 16);
    return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  };
  const top = channels(color);
  const bottom = channels(under);
  return `#${top.map((channel, index) => Math.round(bottom[index]! + (channel - bottom[index]!) * amount).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Above 4.5:1 (WCAG AA for text) with a margin, so text that passes on white also passes on the
 * shell's gray 0 background and on a 10 % tint.
 */
export const minimumContrast = 4.9;

/** The first of `shades` (lightest first) with text contrast against `background`, else the last one darkened until it has. */
export function readableOn(background: string, shades: readonly string[]): string {
  const found = shades.find((shade) => contrast(shade, background) >= minimumContrast);
  if (found) return found;
  let darker = shades[shades.length - 1]!;
  for (let step = 1; step <= 20 && contrast(darker, background) < minimumContrast; step += 1) darker = mix('#000000', shades[shades.length - 1]!, step * 0.05);
  return darker;
}

const isHex = (value: string) => /^#[0-9a-f]{6}$/i.test(value);

/**
 * Mantine's colour variables with WCAG AA contrast in the light scheme: text in a colour
 * (`c="red"`, anchors, subtle and outline buttons), light variants (a 10 % tint under shade 6's
 * text in Mantine, under 3.5:1 for most colours) and filled variants (white text on shade 6, 4.4:1
 * for indigo) take the lightest shade that reaches 4.5:1, and secondary ("dimmed") text gray 7
 * instead of gray 6 (3.3:1).
 */
export const contrastResolver: CSSVariablesResolver = (theme: MantineTheme) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': theme.colors.gray[7] };
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (!Array.isArray(shades) || !shades.every(isHex)) continue;
    const from6 = shades.slice(6);
    const tint = mix(shades[6]!, '#ffffff', 0.12);
    const filled = readableOn('#ffffff', from6);
    const filledIndex = shades.indexOf(filled);
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = filledIndex >= 0 && filledIndex < 9 ? shades[filledIndex + 1]! : mix('#000000', filled, 0.1);
    light[`--mantine-color-${name}-text`] = filled;
    light[`--mantine-color-${name}-outline`] = filled;
    light[`--mantine-color-${name}-light-color`] = readableOn(tint, from6);
  }
  const primary = theme.colors[theme.primaryColor];
  // Links sit on white and on the primary colour's lightest tint (the sign-in page's demo card).
  if (primary?.every(isHex)) light['--mantine-color-anchor'] = readableOn(primary[0]!, primary.slice(6));
  return { variables: {}, light, dark: {} };
};
