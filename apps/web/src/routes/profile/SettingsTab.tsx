import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Paper, SegmentedControl, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationCategory, NotificationChannel } from '@seatwise/schema/client';
import { currentLanguage, languageNames, type UiLanguage } from '../../i18n';
import { useLanguageChoice } from '../../session/useLanguageChoice';
import { apiError, errorText, type ApiError } from '../../ui/apiError';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { UpdateSettingsDocument } from '../../session/settings.graphql';
import { MySettingsDocument } from './profile.graphql';

/** F-06: display language (saved with the person) and a channel per notification category. */
export function SettingsTab() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MySettingsDocument);
  // Settings have no id to normalise by: the answer replaces the cached query result.
  const [update] = useMutation(UpdateSettingsDocument, {
    update(cache, { data: saved }) {
      if (saved) cache.modify({ fields: { mySettings: () => saved.updateSettings } });
    },
  });
  const language = useLanguageChoice();
  // Kept as what happened, not as text: a language change re-renders the message in the new language.
  const [status, setStatus] = useState<{ ok: true } | { ok: false; error: ApiError | null } | null>(null);

  if (error && !data) return <ErrorPanel onRetry={() => void refetch()} />;
  if (loading || !data) return <Skeleton height={320} radius="md" />;

  async function changeLanguage(value: string) {
    setStatus(null);
    try {
      await language.choose(value as UiLanguage);
      setStatus({ ok: true });
    } catch (caught) {
      setStatus({ ok: false, error: apiError(caught) });
    }
  }

  async function changeChannel(category: NotificationCategory, channel: NotificationChannel) {
    setStatus(null);
    try {
      await update({ variables: { input: { notifications: [{ category, channel }] } } });
      setStatus({ ok: true });
    } catch (caught) {
      setStatus({ ok: false, error: apiError(caught) });
    }
  }

  const channels = [
    { value: 'EMAIL', label: t('profile.settings.channels.EMAIL') },
    { value: 'NONE', label: t('profile.settings.channels.NONE') },
  ];

  return (
    <Stack gap="lg">
      {status && (
        <Alert
          color={status.ok ? 'teal' : 'red'}
          variant="light"
          icon={status.ok ? <IconCheck /> : <IconAlertCircle />}
          role={status.ok ? 'status' : 'alert'}
          withCloseButton
          onClose={() => setStatus(null)}
        >
          {status.ok ? t('profile.settings.saved') : errorText(t, status.error, 'profile.errors')}
        </Alert>
      )}
      <Paper withBorder radius="md" p="lg">
        <Title order={2} size="h4">
          {t('profile.settings.languageTitle')}
        </Title>
        <Text size="sm" c="dimmed" mt={4} mb="md" id="language-hint">
          {t('profile.settings.languageHint')}
        </Text>
        <SegmentedControl
          aria-label={t('profile.settings.languageTitle')}
          aria-describedby="language-hint"
          value={currentLanguage()}
          disabled={language.saving}
          onChange={(value) => void changeLanguage(value)}
          data={(['en', 'sl'] as const).map((code) => ({ value: code, label: languageNames[code] }))}
        />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Title order={2} size="h4">
          {t('profile.settings.notificationsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mt={4} mb="md">
          {t('profile.settings.notificationsHint')}
        </Text>
        <Table verticalSpacing="sm" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('profile.settings.category')}</Table.Th>
              <Table.Th w={160}>{t('profile.settings.channel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.mySettings.notifications.map((preference) => (
              <Table.Tr key={preference.category}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`profile.settings.categories.${preference.category}.name`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`profile.settings.categories.${preference.category}.description`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t(`profile.settings.categories.${preference.category}.name`)}: ${t('profile.settings.channel')}`}
                    data={channels}
                    value={preference.channel}
                    allowDeselect={false}
                    onChange={(value) => value && void changeChannel(preference.category, value as NotificationChannel)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
