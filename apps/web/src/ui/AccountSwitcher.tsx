import { Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../session/viewer';
import { useSwitchAccount } from '../session/useSwitchAccount';

/** The accounts of the person, for a menu: each with the role there, the current one checked. */
export function AccountChoices({ onChoose }: { onChoose: (accountId: string) => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  return (
    <>
      <Menu.Label>{t('shell.accounts')}</Menu.Label>
      {viewer.memberships.map((choice) => (
        <Menu.Item
          key={choice.account.id}
          aria-current={choice.current ? 'true' : undefined}
          rightSection={choice.current ? <IconCheck size={16} aria-hidden /> : null}
          onClick={() => (choice.current ? undefined : onChoose(choice.account.id))}
        >
          <Text size="sm" truncate maw={190}>
            {choice.account.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${choice.role}`)}
          </Text>
        </Menu.Item>
      ))}
    </>
  );
}

/**
 * The account's name in the top bar. For a person in several accounts it opens the list to
 * switch (on a phone the same list is in the account menu).
 */
export function AccountSwitcher() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { switchTo, failed, pending } = useSwitchAccount();

  if (viewer.memberships.length < 2) {
    return (
      <Text size="sm" c="dimmed" visibleFrom="xs" truncate maw={260}>
        {viewer.account.name}
      </Text>
    );
  }
  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          visibleFrom="xs"
          maw={280}
          loading={pending !== null}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('shell.switchAccount', { name: viewer.account.name })}
          c={failed ? 'red' : undefined}
        >
          <Text size="sm" truncate maw={230} inherit>
            {viewer.account.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <AccountChoices onChoose={(accountId) => void switchTo(accountId)} />
        {failed && (
          <Text role="alert" size="xs" c="red" px="sm" pb="xs">
            {t('shell.switchFailed')}
          </Text>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
