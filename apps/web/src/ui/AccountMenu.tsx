import { useApolloClient, useMutation } from '@apollo/client/react';
import { ActionIcon, Avatar, Menu, Text } from '@mantine/core';
import { IconApps, IconLayoutDashboard, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MeDocument, SignOutDocument } from '../session/session.graphql';
import { isAdmin, useViewer } from '../session/viewer';
import { useSwitchAccount } from '../session/useSwitchAccount';
import { AccountChoices } from './AccountSwitcher';

/** The icon top right (F-07): where to go, and sign out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut] = useMutation(SignOutDocument);
  const { switchTo, failed } = useSwitchAccount();

  async function handleSignOut() {
    await signOut().catch(() => undefined);
    await client.clearStore();
    client.cache.writeQuery({ query: MeDocument, data: { me: null } });
    await navigate('/sign-in', { replace: true });
  }

  const initials = `${viewer.firstName.charAt(0)}${viewer.lastName.charAt(0)}`;
  return (
    <Menu position="bottom-end" shadow="md" width={240}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" radius="xl" aria-label={`${t('shell.accountMenu')}: ${initials}`}>
          <Avatar size={32} radius="xl" color="indigo">
            {initials}
          </Avatar>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.signedInAs')}</Menu.Label>
        <Text px="sm" size="sm" fw={500}>
          {viewer.firstName} {viewer.lastName}
        </Text>
        <Text px="sm" pb="xs" size="xs" c="dimmed">
          {viewer.email}
        </Text>
        {viewer.memberships.length > 1 && (
          <>
            <Menu.Divider />
            <AccountChoices onChoose={(accountId) => void switchTo(accountId)} />
            {failed && (
              <Text role="alert" size="xs" c="red" px="sm" pb="xs">
                {t('shell.switchFailed')}
              </Text>
            )}
          </>
        )}
        <Menu.Divider />
        <Menu.Item
          component={Link}
          to={isAdmin(viewer) ? '/' : '/profile'}
          leftSection={<IconLayoutDashboard size={16} />}
        >
          {t('shell.accountManagement')}
        </Menu.Item>
        <Menu.Item component={Link} to="/products" leftSection={<IconApps size={16} />}>
          {t('shell.productsAndServices')}
        </Menu.Item>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} />}>
          {t('shell.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void handleSignOut()}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
