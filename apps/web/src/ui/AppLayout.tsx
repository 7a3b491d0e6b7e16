import { AppShell, Burger, Group, NavLink, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useViewer } from '../session/viewer';
import { AccountMenu } from './AccountMenu';
import { AccountSwitcher } from './AccountSwitcher';
import { BrandFooter } from './BrandFooter';
import { LanguageMenu } from './LanguageMenu';
import { Logo } from './Logo';
import { currentLink, navigationFor } from './navigation';

/** The signed-in frame: top bar, Account management navigation, and the screen. */
export function AppLayout() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const sections = navigationFor(viewer);
  const current = currentLink(sections, pathname);
  const isCurrent = (to: string) => to === current;

  return (
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
            <Link to="/" style={{ textDecoration: 'none' }}>
              <Logo />
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <AccountSwitcher />
            <LanguageMenu />
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('shell.mainNavigation')}>
            {sections.map((section) => {
              const Icon = section.icon;
              const icon = <Icon size={18} stroke={1.6} />;
              if (section.to) {
                return (
                  <NavLink
                    key={section.labelKey}
                    component={Link}
                    to={section.to}
                    label={t(section.labelKey)}
                    leftSection={icon}
                    active={isCurrent(section.to)}
                    onClick={close}
                  />
                );
              }
              const links = section.links ?? [];
              return (
                <NavLink
                  key={section.labelKey}
                  label={t(section.labelKey)}
                  leftSection={icon}
                  defaultOpened
                  childrenOffset={30}
                >
                  {links.map((link) => (
                    <NavLink
                      key={link.to}
                      component={Link}
                      to={link.to}
                      label={t(link.labelKey)}
                      active={isCurrent(link.to)}
                      aria-current={isCurrent(link.to) ? 'page' : undefined}
                      onClick={close}
                    />
                  ))}
                </NavLink>
              );
            })}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main">
        <Outlet />
        <BrandFooter />
      </AppShell.Main>
    </AppShell>
  );
}
