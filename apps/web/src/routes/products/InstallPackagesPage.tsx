import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Code, Paper, Progress, ScrollArea, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CursorPager } from '../../ui/CursorPager';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { CreatePackageForm } from './CreatePackageForm';
import { formatSize, startDownloads } from './downloading';
import { InstallPackageLinkDocument, InstallPackagesDocument } from './packages.graphql';

const PACKAGES_PAGE = 25;

const statusColor: Record<string, string> = { QUEUED: 'gray', RUNNING: 'blue', SUCCEEDED: 'green', FAILED: 'red' };

/** F-24 (a): custom install packages, with the build's status and progress while the job runs. */
export function InstallPackagesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const {
    data: current,
    previousData,
    loading,
    error,
    refetch,
    startPolling,
    stopPolling,
  } = useQuery(InstallPackagesDocument, { variables: { first: PACKAGES_PAGE, after: cursors.at(-1) ?? null } });
  const data = current ?? previousData;
  const [createLink, link] = useMutation(InstallPackageLinkDocument);
  const packages = data?.installPackages.edges.map((edge) => edge.node) ?? [];
  const building = packages.some((pkg) => pkg.status === 'QUEUED' || pkg.status === 'RUNNING');
  const creating = params.get('new') === '1';

  useEffect(() => {
    if (building) startPolling(1000);
    else stopPolling();
    return () => stopPolling();
  }, [building, startPolling, stopPolling]);

  async function download(id: string) {
    const result = await createLink({ variables: { id } }).catch(() => null);
    const url = result?.data?.createInstallPackageDownloadLink.url;
    if (url) startDownloads([url]);
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('installPackages.title')}
        description={t('installPackages.subtitle')}
        aside={
          !creating && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setParams({ new: '1' })}>
              {t('installPackages.create')}
            </Button>
          )
        }
      />
      {creating && (
        <CreatePackageForm
          productId={params.get('product')}
          onCancel={() => setParams({})}
          onCreated={() => {
            setParams({});
            // The new package is the newest: it heads the first page.
            if (cursors.length) setCursors([]);
            else void refetch();
          }}
        />
      )}
      {error && !data ? (
        <ErrorPanel title={t('installPackages.errorTitle')} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Skeleton height={160} radius="md" />
      ) : packages.length === 0 && cursors.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text c="dimmed" ta="center">
            {t('installPackages.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <FormError message={link.error && t('downloads.linkFailed')} m="sm" />
          <ScrollArea>
            <Table striped miw={820} aria-label={t('installPackages.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('installPackages.columns.name')}</Table.Th>
                  <Table.Th>{t('installPackages.columns.product')}</Table.Th>
                  <Table.Th>{t('installPackages.columns.created')}</Table.Th>
                  <Table.Th w={200}>{t('installPackages.columns.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {packages.map((pkg) => (
                  <Table.Tr key={pkg.id} data-testid="install-package-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {pkg.name}
                      </Text>
                      {pkg.addOns.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('installPackages.withAddOns', { names: pkg.addOns.join(', ') })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {pkg.productName} {pkg.version} · {t(`downloads.platforms.${pkg.platform}`)} · {pkg.language}
                    </Table.Td>
                    <Table.Td>{formatDateTime(pkg.createdAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <Badge color={statusColor[pkg.status]} variant="light" data-testid="install-package-status">
                          {t(`installPackages.statuses.${pkg.status}`)}
                        </Badge>
                        {(pkg.status === 'RUNNING' || pkg.status === 'QUEUED') && (
                          <Progress value={pkg.progress} size="sm" aria-label={t('installPackages.progress', { progress: pkg.progress })} />
                        )}
                        {pkg.error && (
                          <Text size="xs" c="red">
                            {pkg.error}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {pkg.status === 'SUCCEEDED' && (
                        <Stack gap={2} align="flex-start">
                          <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} onClick={() => void download(pkg.id)}>
                            {t('productUpdates.download')}
                          </Button>
                          <Text size="xs" c="dimmed">
                            {pkg.size !== null && formatSize(pkg.size, i18n.language)}
                          </Text>
                          {pkg.sha256 && <Code title={pkg.sha256}>{pkg.sha256.slice(0, 12)}…</Code>}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {data && <CursorPager pageInfo={data.installPackages.pageInfo} cursors={cursors} onChange={setCursors} />}
        </Paper>
      )}
    </Stack>
  );
}
