import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { shadesOf } from './brand';
import { contrast, contrastResolver, minimumContrast, mix } from './contrast';

describe('colours at WCAG AA contrast', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#868e96', '#ffffff')).toBeCloseTo(3.32, 1);
  });

  it('gives every colour of the default theme and of a light brand colour readable text, tints and fills', () => {
    for (const theme of [DEFAULT_THEME, { ...DEFAULT_THEME, colors: { ...DEFAULT_THEME.colors, brand: shadesOf('#ffd43b') }, primaryColor: 'brand' }]) {
      const { light } = contrastResolver(theme);
      expect(contrast(light['--mantine-color-dimmed']!, '#f8f9fa')).toBeGreaterThanOrEqual(4.5);
      for (const [name, shades] of Object.entries(theme.colors)) {
        const tint = mix(shades[6], '#ffffff', 0.12);
        expect(contrast(light[`--mantine-color-${name}-light-color`]!, tint), name).toBeGreaterThanOrEqual(minimumContrast);
        expect(contrast(light[`--mantine-color-${name}-filled`]!, '#ffffff'), name).toBeGreaterThanOrEqual(minimumContrast);
        expect(contrast(light[`--mantine-color-${name}-text`]!, '#f8f9fa'), name).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(light['--mantine-color-anchor']!, theme.colors[theme.primaryColor]![0])).toBeGreaterThanOrEqual(4.5);
    }
  });
});
