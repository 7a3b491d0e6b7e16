import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader';
import { SecurityTab } from '../SecurityTab';

/** `/profile/security` until the profile page with its tabs takes the Security tab in. */
export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={880}>
      <PageHeader title={t('security.title')} description={t('security.description')} />
      <SecurityTab />
    </Stack>
  );
}
