import { Stack, Tabs } from '@mantine/core';
import { IconAdjustments, IconShieldLock, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useViewer } from '../../session/viewer';
import { PageHeader } from '../../ui/PageHeader';
import { ProfileTab } from './ProfileTab';
import { SecurityTab } from './SecurityTab';
import { SettingsTab } from './SettingsTab';

const tabs = ['profile', 'security', 'settings'] as const;
type Tab = (typeof tabs)[number];
const isTab = (value: string | undefined): value is Tab => (tabs as readonly string[]).includes(value ?? '');

/** F-04: the home of a person with the User role; the tab lives in the URL (/profile/security). */
export function ProfilePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const params = useParams();
  if (params.tab !== undefined && !isTab(params.tab)) return <Navigate to="/profile" replace />;
  const tab: Tab = isTab(params.tab) ? params.tab : 'profile';

  return (
    <Stack gap="lg" maw={880}>
      <PageHeader title={t('profile.title')} description={`${viewer.firstName} ${viewer.lastName} · ${viewer.email}`} />
      <Tabs
        value={tab}
        onChange={(value) => void navigate(value === 'profile' || !value ? '/profile' : `/profile/${value}`)}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="profile" leftSection={<IconUser size={16} />}>
            {t('profile.tabs.profile')}
          </Tabs.Tab>
          <Tabs.Tab value="security" leftSection={<IconShieldLock size={16} />}>
            {t('profile.tabs.security')}
          </Tabs.Tab>
          <Tabs.Tab value="settings" leftSection={<IconAdjustments size={16} />}>
            {t('profile.tabs.settings')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile" pt="lg">
          <ProfileTab />
        </Tabs.Panel>
        <Tabs.Panel value="security" pt="lg">
          <SecurityTab />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="lg">
          <SettingsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
