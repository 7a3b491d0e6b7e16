import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconDeviceDesktop, IconDeviceMobile, IconDeviceTablet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLanguage } from '../../../i18n';
import { MeDocument } from '../../../session/session.graphql';
import { apiError, errorText } from '../../../ui/apiError';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { formatDateTime } from '../../../ui/format';
import { EndSessionDocument, MySessionsDocument, SignOutEverywhereDocument } from './security.graphql';
import { SecuritySection } from './SecuritySection';

type Confirm = { kind: 'one'; id: string; device: string; current: boolean } | { kind: 'all' } | null;

function DeviceIcon({ type }: { type: string | null }) {
  if (type === 'mobile') return <IconDeviceMobile size={18} aria-hidden />;
  if (type === 'tablet') return <IconDeviceTablet size={18} aria-hidden />;
  return <IconDeviceDesktop size={18} aria-hidden />;
}

/** Active sessions (F-03): where the person is signed in; end one, or sign out everywhere. */
export function SessionsSection() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(MySessionsDocument, { fetchPolicy: 'cache-and-network' });
  const [endSession, ending] = useMutation(EndSessionDocument);
  const [signOutEverywhere, endingAll] = useMutation(SignOutEverywhereDocument);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function signedOut() {
    await client.clearStore();
    client.cache.writeQuery({ query: MeDocument, data: { me: null } });
    await navigate('/sign-in', { replace: true });
  }

  async function handleConfirm() {
    if (!confirm) return;
    setFailure(null);
    try {
      if (confirm.kind === 'all') {
        await signOutEverywhere();
        setConfirm(null);
        await signedOut();
        return;
      }
      await endSession({ variables: { id: confirm.id } });
      setConfirm(null);
      if (confirm.current) await signedOut();
      else await refetch();
    } catch (caught) {
      setConfirm(null);
      setFailure(errorText(t, apiError(caught), 'profile.errors'));
    }
  }

  const deviceName = (browser: string | null, os: string | null) =>
    browser && os ? t('profile.sessions.browserOn', { browser, os }) : (browser ?? os ?? t('profile.sessions.unknownDevice'));

  return (
    <SecuritySection title={t('profile.sessions.title')} description={t('profile.sessions.hint')}>
      {failure && (
        <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert" mb="sm">
          {failure}
        </Alert>
      )}
      {error && !data ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Skeleton height={120} />
      ) : (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('profile.sessions.device')}</Table.Th>
                  <Table.Th>{t('profile.sessions.ip')}</Table.Th>
                  <Table.Th>{t('profile.sessions.lastSeen')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(data?.mySessions ?? []).map((session) => {
                  const device = deviceName(session.browser, session.os);
                  return (
                    <Table.Tr key={session.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <DeviceIcon type={session.deviceType} />
                          <div>
                            <Text size="sm" fw={500}>
                              {device}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {t('profile.sessions.signedIn', { date: formatDateTime(session.signedInAt, language) })}
                            </Text>
                          </div>
                          {session.current && (
                            <Badge size="sm" variant="light" color="teal">
                              {t('profile.sessions.thisDevice')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {session.ip ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(session.lastSeenAt, language)}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`${t('profile.sessions.end')}: ${device}`}
                          onClick={() => setConfirm({ kind: 'one', id: session.id, device, current: session.current })}
                        >
                          {t('profile.sessions.end')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button color="red" variant="light" onClick={() => setConfirm({ kind: 'all' })}>
              {t('profile.sessions.signOutEverywhere')}
            </Button>
          </Group>
        </Stack>
      )}
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm?.kind === 'all' ? t('profile.sessions.confirmAllTitle') : t('profile.sessions.confirmOneTitle')}
        centered
      >
        <Text size="sm">
          {confirm?.kind === 'all'
            ? t('profile.sessions.confirmAllText')
            : confirm?.current
              ? t('profile.sessions.confirmCurrentText')
              : t('profile.sessions.confirmOneText', { device: confirm?.kind === 'one' ? confirm.device : '' })}
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirm(null)}>
            {t('profile.cancel')}
          </Button>
          <Button color="red" loading={ending.loading || endingAll.loading} onClick={() => void handleConfirm()}>
            {confirm?.kind === 'all' ? t('profile.sessions.signOutEverywhere') : t('profile.sessions.end')}
          </Button>
        </Group>
      </Modal>
    </SecuritySection>
  );
}
