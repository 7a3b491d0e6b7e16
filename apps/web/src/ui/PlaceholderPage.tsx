import { Alert, Stack } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';

/** A section a later issue builds: its title and an honest note, no made-up data. */
export function PlaceholderPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageHeader title={t(titleKey)} />
      <Alert variant="light" color="gray" icon={<IconTools />} maw={640}>
        {t('placeholder.notBuilt')}
      </Alert>
    </Stack>
  );
}
