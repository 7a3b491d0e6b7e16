import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, AppShell, Badge, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingStore, IconKey, IconLifebuoy, IconListDetails, IconLogout, IconPackage, IconPalette, IconPlugConnected, IconUsersGroup, IconWebhook } from '@tabler/icons-react';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { VendorViewerQuery } from '../../gql/graphql';
import { BrandFooter } from '../../ui/BrandFooter';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { LanguageMenu } from '../../ui/LanguageMenu';
import { Logo } from '../../ui/Logo';
import { VendorSignOutDocument, VendorViewerDocument } from './vendor.graphql';

export type Staff = NonNullable<VendorViewerQuery['vendorViewer']>;
const StaffContext = createContext<Staff | null>(null);

/** The signed-in member of the vendor's staff; only inside the Vendor console. */
export function useStaff(): Staff {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error('useStaff outside the Vendor console');
  return staff;
}

const links = [
  { to: '/vendor', labelKey: 'vendor.nav.customers', icon: IconBuildingStore, operatorOnly: false },
  { to: '/vendor/catalogue', labelKey: 'vendor.nav.catalogue', icon: IconPackage, operatorOnly: false },
  { to: '/vendor/support', labelKey: 'vendor.nav.support', icon: IconLifebuoy, operatorOnly: false },
  { to: '/vendor/brand', labelKey: 'vendor.nav.brand', icon: IconPalette, operatorOnly: false },
  { to: '/vendor/audit', labelKey: 'vendor.nav.audit', icon: IconListDetails, operatorOnly: true },
  { to: '/vendor/staff', labelKey: 'vendor.nav.staff', icon: IconUsersGroup, operatorOnly: true },
  { to: '/vendor/tokens', labelKey: 'vendor.nav.tokens', icon: IconKey, operatorOnly: true },
  { to: '/vendor/webhooks', labelKey: 'vendor.nav.webhooks', icon: IconWebhook, operatorOnly: true },
  { to: '/vendor/oauth-clients', labelKey: 'vendor.nav.oauthClients', icon: IconPlugConnected, operatorOnly: true },
] as const;

/**
 * The Vendor console's frame, apart from Account management: its own navigation, for the vendor's
 * staff only (anyone else goes to the sign-in page). Its language is this browser's choice (the
 * language menu): staff settings are not saved with them yet.
 */
export function VendorLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [opened, { toggle, close }] = useDisclosure();
  const { data, error, refetch } = useQuery(VendorViewerDocument, { fetchPolicy: 'network-only' });
  const [signOut] = useMutation(VendorSignOutDocument);
  const staff = data?.vendorViewer;

  if (error && !data) return <ErrorPanel fullPage onRetry={() => void refetch()} />;
  if (!data) return <FullPageLoader />;
  if (!staff) return <Navigate to="/sign-in" replace state={{ from: pathname }} />;

  const current = links.find((link) => link.to !== '/vendor' && pathname.startsWith(link.to))?.to ?? '/vendor';
  async function handleSignOut() {
    await signOut();
    await client.clearStore();
    await navigate('/sign-in', { replace: true });
  }

  return (
    <StaffContext value={staff}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', sm: 'xl' }}
        styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
              <Link to="/vendor" style={{ textDecoration: 'none' }}>
                <Logo />
              </Link>
              <Badge variant="light" color="grape" visibleFrom="sm">
                {t('vendor.console')}
              </Badge>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" visibleFrom="xs" truncate maw={260}>
                {staff.firstName} {staff.lastName} · {t(`vendor.roles.${staff.role}`)}
              </Text>
              <LanguageMenu />
              <Button variant="subtle" color="gray" size="compact-sm" leftSection={<IconLogout size={16} />} onClick={() => void handleSignOut()} visibleFrom="xs">
                {t('vendor.signOut')}
              </Button>
              <ActionIcon variant="subtle" color="gray" aria-label={t('vendor.signOut')} onClick={() => void handleSignOut()} hiddenFrom="xs">
                <IconLogout size={18} />
              </ActionIcon>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm">
          <nav aria-label={t('vendor.nav.label')}>
            {links
              .filter((link) => !link.operatorOnly || staff.role === 'OPERATOR')
              .map((link) => (
                <NavLink
                  key={link.to}
                  component={Link}
                  to={link.to}
                  label={t(link.labelKey)}
                  leftSection={<link.icon size={18} stroke={1.6} />}
                  active={current === link.to}
                  onClick={close}
                />
              ))}
          </nav>
        </AppShell.Navbar>
        <AppShell.Main id="main">
          <Outlet />
          <BrandFooter />
        </AppShell.Main>
      </AppShell>
    </StaffContext>
  );
}
