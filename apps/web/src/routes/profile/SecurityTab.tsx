import { useQuery } from '@apollo/client/react';
import { Group, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { ChangeNameSection } from './security/ChangeNameSection';
import { ChangePasswordSection } from './security/ChangePasswordSection';
import { DeleteAccountSection } from './security/DeleteAccountSection';
import { EmailSection } from './security/EmailSection';
import { AccountSecurityDocument } from './security/security.graphql';
import { SessionsSection } from './security/SessionsSection';
import { TwoStepSection } from './security/TwoStepSection';
import { ConnectedAppsSection } from '../connect/ConnectedAppsSection';
import { DevicesSection } from '../connect/DevicesSection';

/**
 * The Security tab of the profile (F-05): name, email, password, 2-step verification, active
 * sessions, connected products and devices, and deleting the account, each its own section.
 */
export function SecurityTab() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(AccountSecurityDocument);
  const security = data?.accountSecurity;

  if (error && !security) return <ErrorPanel title={t('security.loadFailed')} onRetry={() => void refetch()} />;
  if (loading || !security) {
    return (
      <Group justify="center" py="xl">
        <Loader aria-label={t('app.loading')} />
      </Group>
    );
  }
  return (
    <Stack gap="lg">
      <ChangeNameSection />
      <EmailSection email={security.email} pending={security.pendingEmailChange ?? null} />
      <ChangePasswordSection />
      <TwoStepSection status={security.twoStep} />
      <SessionsSection />
      <ConnectedAppsSection />
      <DevicesSection />
      <DeleteAccountSection />
    </Stack>
  );
}
