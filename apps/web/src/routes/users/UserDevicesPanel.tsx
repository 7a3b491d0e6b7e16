import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Divider, Group, Modal, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { useApiErrorText } from '../../ui/apiError';
import { CursorPager } from '../../ui/CursorPager';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { RevokeDeviceDocument, UserDevicesDocument } from './details.graphql';

const PAGE_SIZE = 10;

/** The machines a person runs products on with named-user leases (issue 17, item 2), each with "Revoke" for an admin. */
export function UserDevicesPanel({ userId, name }: { userId: string; name: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const errorText = useApiErrorText();
  const [cursors, setCursors] = useState<string[]>([]);
  const { data: current, previousData, loading, error, refetch } = useQuery(UserDevicesDocument, {
    variables: { userId, first: PAGE_SIZE, after: cursors.at(-1) ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const data = current ?? previousData;
  const [revoke, revoking] = useMutation(RevokeDeviceDocument);
  const [confirm, setConfirm] = useState<{ id: string; name: string; product: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function handleConfirm() {
    if (!confirm) return;
    setFailure(null);
    try {
      await revoke({ variables: { id: confirm.id } });
    } catch (caught) {
      setFailure(errorText(caught));
    }
    setConfirm(null);
    setCursors([]);
    await refetch({ userId, first: PAGE_SIZE, after: null });
  }

  const devices = data?.userDevices.edges.map((edge) => edge.node) ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="user-devices-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="user-devices-title">
            {t('userDetails.devices.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('userDetails.devices.hint')}
          </Text>
        </div>
        <FormError message={failure} />
        {error && !data ? (
          <ErrorPanel onRetry={() => void refetch()} />
        ) : loading && !data ? (
          <Skeleton height={60} />
        ) : devices.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('userDetails.devices.empty')}
          </Text>
        ) : (
          <Stack gap="md">
            <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('userDetails.devices.listLabel', { count: data!.userDevices.totalCount, name })}>
              {devices.map((device, index) => (
                <li key={device.id}>
                  {index > 0 && <Divider />}
                  <Group justify="space-between" wrap="nowrap" gap="sm" py="sm">
                    <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                      <ThemeIcon variant="light" color="gray" size="lg" radius="md" style={{ flexShrink: 0 }}>
                        <IconDeviceDesktop size={18} aria-hidden />
                      </ThemeIcon>
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                          {device.name} · {device.productName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {device.platform} · {device.lastVersion} · {t('userDetails.devices.lastCheckout', { date: formatDateTime(device.lastCheckoutAt, language) })}
                        </Text>
                      </div>
                    </Group>
                    <Button
                      size="xs"
                      variant="default"
                      style={{ flexShrink: 0 }}
                      aria-label={t('userDetails.devices.revokeLabel', { device: device.name, product: device.productName })}
                      onClick={() => setConfirm({ id: device.id, name: device.name, product: device.productName })}
                    >
                      {t('userDetails.devices.revoke')}
                    </Button>
                  </Group>
                </li>
              ))}
            </Stack>
            {data && <CursorPager pageInfo={data.userDevices.pageInfo} cursors={cursors} onChange={setCursors} />}
          </Stack>
        )}
      </Stack>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('userDetails.devices.confirmTitle')} centered>
        <Text size="sm">{t('userDetails.devices.confirmText', { device: confirm?.name ?? '', product: confirm?.product ?? '', name })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirm(null)}>
            {t('userDetails.devices.cancel')}
          </Button>
          <Button color="red" loading={revoking.loading} onClick={() => void handleConfirm()}>
            {t('userDetails.devices.revoke')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  );
}
