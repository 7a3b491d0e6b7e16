import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconArmchair } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function Logo({ size = 'lg' }: { size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon radius="md" size={size === 'xl' ? 'xl' : 'lg'} aria-hidden>
        <IconArmchair size={20} />
      </ThemeIcon>
      <Text fw={700} size={size} c="dark.7" style={{ letterSpacing: -0.2 }}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
