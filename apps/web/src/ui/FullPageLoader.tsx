import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function FullPageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center h="100dvh" role="status">
      <Stack align="center" gap="sm">
        <Loader />
        <Text c="dimmed">{label ?? t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}
