import { Alert, Stack, Title } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A section a later issue builds: its title and an honest note, no made-up data. */
export function PlaceholderPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t(titleKey)}
      </Title>
      <Alert variant="light" color="gray" icon={<IconTools />} maw={640}>
        {t('placeholder.notBuilt')}
      </Alert>
    </Stack>
  );
}
