import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Divider, Group, Modal, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile, IconDeviceTablet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { currentLanguage } from '../../../i18n';
import { MeDocument } from '../../../session/session.graphql';
import { apiError, errorText } from '../../../ui/apiError';
import { CursorPager } from '../../../ui/CursorPager';
import { ErrorPanel } from '../../../ui/ErrorPanel';
import { formatDateTime } from '../../../ui/format';
import { FormError } from '../../../ui/FormError';
import { EndOtherSessionsDocument, EndSessionDocument, MySessionsDocument, SignOutEverywhereDocument } from './security.graphql';
import { SecuritySection } from './SecuritySection';

const PAGE_SIZE = 25;

type Confirm = { kind: 'one'; id: string; device: string; current: boolean } | { kind: 'others' } | { kind: 'all' } | null;

function DeviceIcon({ type }: { type: string | null }) {
  if (type === 'mobile') return <IconDeviceMobile size={18} aria-hidden />;
  if (type === 'tablet') return <IconDeviceTablet size={18} aria-hidden />;
  return <IconDeviceDesktop size={18} aria-hidden />;
}

/** The sessions in the order given, gathered under their device's name (first appearance first). */
function groupByDevice<T>(sessions: T[], nameOf: (session: T) => string): { device: string; sessions: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const session of sessions) {
    const device = nameOf(session);
    groups.set(device, [...(groups.get(device) ?? []), session]);
  }
  return [...groups].map(([device, list]) => ({ device, sessions: list }));
}

/** Active sessions (F-03): where the person is signed in, grouped by device; end one, all but this one, or sign out everywhere. */
export function SessionsSection() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [cursors, setCursors] = useState<string[]>([]);
  const { data: current, previousData, loading, error, refetch } = useQuery(MySessionsDocument, {
    variables: { first: PAGE_SIZE, after: cursors.at(-1) ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const data = current ?? previousData;
  const [endSession, ending] = useMutation(EndSessionDocument);
  const [signOutEverywhere, endingAll] = useMutation(SignOutEverywhereDocument);
  const [endOthers, endingOthers] = useMutation(EndOtherSessionsDocument);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function signedOut() {
    await client.clearStore();
    client.cache.writeQuery({ query: MeDocument, data: { me: null } });
    await navigate('/sign-in', { replace: true });
  }

  async function handleConfirm() {
    if (!confirm) return;
    setFailure(null);
    setNotice(null);
    try {
      if (confirm.kind === 'others') {
        const result = await endOthers();
        setConfirm(null);
        setNotice(t('profile.sessions.endedOthers', { count: result.data?.endOtherSessions ?? 0 }));
        setCursors([]);
        await refetch({ first: PAGE_SIZE, after: null });
        return;
      }
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
      <FormError message={failure} mb="sm" />
      {notice && (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)} role="status" mb="sm">
          {notice}
        </Alert>
      )}
      {error && !data ? (
        <ErrorPanel onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Skeleton height={120} />
      ) : (
        <Stack gap="md">
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('profile.sessions.title')}>
            {groupByDevice(data?.mySessions.edges.map((edge) => edge.node) ?? [], (session) => deviceName(session.browser, session.os)).map((group, groupIndex) => (
              <li key={group.device}>
                {groupIndex > 0 && <Divider />}
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" pt="sm" component="h4" m={0}>
                  {t('profile.sessions.deviceGroup', { device: group.device, count: group.sessions.length })}
                </Text>
                <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={group.device}>
            {group.sessions.map((session, index) => {
              const device = group.device;
              return (
                <li key={session.id}>
                  {index > 0 && <Divider variant="dashed" />}
                  <Group justify="space-between" wrap="nowrap" gap="sm" py="sm">
                    <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                      <ThemeIcon variant="light" color="gray" size="lg" radius="md" style={{ flexShrink: 0 }}>
                        <DeviceIcon type={session.deviceType} />
                      </ThemeIcon>
                      <div style={{ minWidth: 0 }}>
                        <Group gap="xs" wrap="wrap">
                          <Text size="sm" fw={500}>
                            {device}
                          </Text>
                          {session.current && (
                            <Badge size="sm" variant="light" color="teal">
                              {t('profile.sessions.thisDevice')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {t('profile.sessions.ip')}: {session.ip ?? '—'} · {t('profile.sessions.lastSeen')}:{' '}
                          {formatDateTime(session.lastSeenAt, language)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('profile.sessions.signedIn', { date: formatDateTime(session.signedInAt, language) })}
                        </Text>
                      </div>
                    </Group>
                    <Button
                      size="xs"
                      variant="default"
                      style={{ flexShrink: 0 }}
                      aria-label={`${t('profile.sessions.end')}: ${device}`}
                      onClick={() => setConfirm({ kind: 'one', id: session.id, device, current: session.current })}
                    >
                      {t('profile.sessions.end')}
                    </Button>
                  </Group>
                </li>
              );
            })}
                </Stack>
              </li>
            ))}
          </Stack>
          {data && <CursorPager pageInfo={data.mySessions.pageInfo} cursors={cursors} onChange={setCursors} />}
          <Group>
            {(data?.mySessions.totalCount ?? 0) > 1 && (
              <Button variant="default" onClick={() => setConfirm({ kind: 'others' })}>
                {t('profile.sessions.endOthers')}
              </Button>
            )}
            <Button color="red" variant="light" onClick={() => setConfirm({ kind: 'all' })}>
              {t('profile.sessions.signOutEverywhere')}
            </Button>
          </Group>
        </Stack>
      )}
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={
          confirm?.kind === 'all'
            ? t('profile.sessions.confirmAllTitle')
            : confirm?.kind === 'others'
              ? t('profile.sessions.confirmOthersTitle')
              : t('profile.sessions.confirmOneTitle')
        }
        centered
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void handleConfirm();
          }}
        >
          <Text size="sm">
            {confirm?.kind === 'all'
              ? t('profile.sessions.confirmAllText')
              : confirm?.kind === 'others'
                ? t('profile.sessions.confirmOthersText')
                : confirm?.current
                  ? t('profile.sessions.confirmCurrentText')
                  : t('profile.sessions.confirmOneText', { device: confirm?.kind === 'one' ? confirm.device : '' })}
          </Text>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('profile.cancel')}
            </Button>
            <Button type="submit" color="red" loading={ending.loading || endingAll.loading || endingOthers.loading} data-autofocus>
              {confirm?.kind === 'all'
                ? t('profile.sessions.signOutEverywhere')
                : confirm?.kind === 'others'
                  ? t('profile.sessions.endOthers')
                  : t('profile.sessions.end')}
            </Button>
          </Group>
        </form>
      </Modal>
    </SecuritySection>
  );
}
