import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Divider, Group, Modal, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { useApiErrorText } from '../../ui/apiError';
import { CursorPager } from '../../ui/CursorPager';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { SecuritySection } from '../profile/security/SecuritySection';
import { DisconnectAppDocument, MyConnectedAppsDocument } from './connect.graphql';

const PAGE_SIZE = 25;

/** The products and devices the person connected through Seatwise sign-in, each with "Sign out". */
export function ConnectedAppsSection() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const errorText = useApiErrorText();
  const [cursors, setCursors] = useState<string[]>([]);
  const { data: current, previousData, loading, error, refetch } = useQuery(MyConnectedAppsDocument, {
    variables: { first: PAGE_SIZE, after: cursors.at(-1) ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const data = current ?? previousData;
  const [disconnect, disconnecting] = useMutation(DisconnectAppDocument);
  const [confirm, setConfirm] = useState<{ id: string; name: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function handleConfirm() {
    if (!confirm) return;
    setFailure(null);
    try {
      await disconnect({ variables: { id: confirm.id } });
      setConfirm(null);
      await refetch();
    } catch (caught) {
      setConfirm(null);
      setFailure(errorText(caught));
    }
  }

  const apps = data?.myConnectedApps.edges.map((edge) => edge.node) ?? [];
  return (
    <SecuritySection title={t('connect.apps.title')} description={t('connect.apps.hint')}>
      <FormError message={failure} mb="sm" />
      {error && !data ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Skeleton height={60} />
      ) : apps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('connect.apps.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('connect.apps.title')}>
            {apps.map((app, index) => (
              <li key={app.id}>
                {index > 0 && <Divider />}
                <Group justify="space-between" wrap="nowrap" gap="sm" py="sm">
                  <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                    <ThemeIcon variant="light" color="gray" size="lg" radius="md" style={{ flexShrink: 0 }}>
                      <IconPlugConnected size={18} aria-hidden />
                    </ThemeIcon>
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500}>
                        {app.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('connect.apps.inAccount', { account: app.accountName })} · {t('connect.apps.connected', { date: formatDateTime(app.connectedAt, language) })}
                      </Text>
                    </div>
                  </Group>
                  <Button size="xs" variant="default" style={{ flexShrink: 0 }} aria-label={`${t('connect.apps.signOut')}: ${app.name}`} onClick={() => setConfirm({ id: app.id, name: app.name })}>
                    {t('connect.apps.signOut')}
                  </Button>
                </Group>
              </li>
            ))}
          </Stack>
          {data && <CursorPager pageInfo={data.myConnectedApps.pageInfo} cursors={cursors} onChange={setCursors} />}
        </Stack>
      )}
      <Group mt="md">
        <Button component={Link} to="/device" variant="light">
          {t('connect.apps.connectDevice')}
        </Button>
      </Group>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('connect.apps.confirmTitle')} centered>
        <Text size="sm">{t('connect.apps.confirmText', { product: confirm?.name ?? '' })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirm(null)}>
            {t('connect.cancel')}
          </Button>
          <Button color="red" loading={disconnecting.loading} onClick={() => void handleConfirm()}>
            {t('connect.apps.signOut')}
          </Button>
        </Group>
      </Modal>
    </SecuritySection>
  );
}
