import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../../ui/apiError';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { CreateDirectoryTokenDocument, DirectoryPageDocument, RevokeDirectoryTokenDocument } from './directory.graphql';
import { SingleSignOnSection } from './SingleSignOnSection';

function Copyable({ value, testId }: { value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Code block data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="light" size="xs" w="fit-content" leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
            {copied ? t('directory.copied') : t('directory.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}

/** Users → Directory and sign-in (issue 18): the primary admin connects Entra ID or Okta by SCIM. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(DirectoryPageDocument, { fetchPolicy: 'cache-and-network' });
  const [create, createState] = useMutation(CreateDirectoryTokenDocument);
  const [revoke, revokeState] = useMutation(RevokeDirectoryTokenDocument);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const errorText = useApiErrorText();
  const settings = data?.directorySettings;

  async function makeToken() {
    const result = await create();
    setConfirm(null);
    if (result.data) setSecret(result.data.createDirectoryToken.secret);
    await refetch();
  }

  async function revokeToken() {
    await revoke();
    setConfirm(null);
    await refetch();
  }

  if (error && !data) return <ErrorPanel title={t('directory.errorTitle')} onRetry={() => void refetch()} />;

  return (
    <Stack gap="lg">
      <PageHeader title={t('directory.title')} description={t('directory.subtitle')} />

      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {t('directory.scimTitle')}
            </Title>
            {settings && (
              <Badge color={settings.token ? 'green' : 'gray'} variant="light">
                {settings.token ? t('directory.connected') : t('directory.notConnected')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('directory.scimText')}
          </Text>
          {settings && (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('directory.scimUrl')}
                </Text>
                <Copyable value={settings.scimUrl} testId="scim-url" />
              </Stack>
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('directory.token')}
                </Text>
                {settings.token ? (
                  <Text size="sm" data-testid="scim-token">
                    {t('directory.tokenMade', {
                      prefix: settings.token.prefix,
                      when: formatDateTime(settings.token.createdAt, i18n.language),
                      who: settings.token.createdBy ?? '—',
                    })}{' '}
                    {settings.token.lastUsedAt
                      ? t('directory.lastUsed', { when: formatDateTime(settings.token.lastUsedAt, i18n.language) })
                      : t('directory.neverUsed')}
                  </Text>
                ) : (
                  <Text size="sm">{t('directory.noToken')}</Text>
                )}
              </Stack>
              <FormError message={errorText(createState.error ?? revokeState.error)} />
              <Group>
                {settings.token ? (
                  <>
                    <Button onClick={() => setConfirm('rotate')}>{t('directory.rotate')}</Button>
                    <Button variant="default" color="red" onClick={() => setConfirm('revoke')}>
                      {t('directory.revoke')}
                    </Button>
                  </>
                ) : (
                  <Button loading={createState.loading} onClick={() => void makeToken()}>
                    {t('directory.create')}
                  </Button>
                )}
              </Group>
            </>
          )}
        </Stack>
      </Paper>

      {settings && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {(
            [
              ['people', settings.people],
              ['deactivated', settings.deactivatedPeople],
              ['groups', settings.groups],
            ] as const
          ).map(([key, count]) => (
            <Paper key={key} withBorder radius="md" p="md">
              <Text size="sm" c="dimmed">
                {t(`directory.stats.${key}`)}
              </Text>
              <Text fw={700} size="xl" data-testid={`directory-${key}`}>
                {count.toLocaleString(i18n.language === 'sl' ? 'sl-SI' : 'en-GB')}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}

      <SingleSignOnSection />

      <Paper withBorder radius="md" p="lg">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('directory.howTitle')}
          </Title>
          <Text size="sm">{t('directory.howEntra')}</Text>
          <Text size="sm">{t('directory.howOkta')}</Text>
          <Text size="sm" c="dimmed">
            {t('directory.howSeats')}
          </Text>
        </Stack>
      </Paper>

      <Modal opened={secret !== null} onClose={() => setSecret(null)} title={t('directory.createdTitle')} size="lg">
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />} title={t('directory.once')}>
            {t('directory.onceText')}
          </Alert>
          {secret && <Copyable value={secret} testId="scim-secret" />}
          <Group justify="flex-end">
            <Button onClick={() => setSecret(null)}>{t('directory.done')}</Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm === 'revoke' ? t('directory.revokeTitle') : t('directory.rotateTitle')}>
        <Stack>
          <Text size="sm">{confirm === 'revoke' ? t('directory.revokeText') : t('directory.rotateText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('directory.cancel')}
            </Button>
            {confirm === 'revoke' ? (
              <Button color="red" loading={revokeState.loading} onClick={() => void revokeToken()}>
                {t('directory.revoke')}
              </Button>
            ) : (
              <Button loading={createState.loading} onClick={() => void makeToken()}>
                {t('directory.rotate')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
