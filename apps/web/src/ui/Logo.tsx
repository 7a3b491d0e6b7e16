import { Group, Image, Text, ThemeIcon } from '@mantine/core';
import { IconArmchair } from '@tabler/icons-react';
import { useBrand } from '../brand/brand';

/** The vendor's logo and name; until a brand is set, Seatwise's own mark. */
export function Logo({ size = 'lg' }: { size?: 'md' | 'lg' | 'xl' }) {
  const { brand } = useBrand();
  return (
    <Group gap={8} wrap="nowrap" miw={0}>
      {brand.logoUrl ? (
        <Image src={brand.logoUrl} alt="" h={size === 'xl' ? 40 : 32} w="auto" fit="contain" data-testid="brand-logo" />
      ) : (
        <ThemeIcon radius="md" size={size === 'xl' ? 'xl' : 'lg'} aria-hidden>
          <IconArmchair size={20} />
        </ThemeIcon>
      )}
      <Text fw={700} size={size} c="dark.7" style={{ letterSpacing: -0.2 }} truncate maw={{ base: 110, sm: 320 }} data-testid="brand-name">
        {brand.name}
      </Text>
    </Group>
  );
}
