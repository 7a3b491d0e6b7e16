import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Code, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconList } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Platform } from '@seatwise/schema/client';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { FormError } from '../../ui/FormError';
import { PageHeader } from '../../ui/PageHeader';
import { formatSize, startDownloads } from './downloading';
import { InstallMethods } from './InstallMethods';
import { CreateDownloadLinksDocument, ProductDownloadsDocument, ProductEntitlementsDocument } from './products.graphql';

const platforms: readonly Platform[] = Object.values(Platform);

/** F-21 "View downloads": product, version, platform and language, then the installer and how to get it. */
export function ViewDownloadsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const entitlements = useQuery(ProductEntitlementsDocument);
  const products = (entitlements.data?.productEntitlements ?? []).filter((product) => product.versions.length > 0);
  const product = products.find((candidate) => candidate.id === params.get('product')) ?? products[0];
  const version = product?.versions.find((candidate) => candidate.id === params.get('version')) ?? product?.versions[0];
  const platformParam = params.get('platform');
  const platform = platforms.includes(platformParam as Platform) ? (platformParam as Platform) : Platform.WINDOWS;
  const language = params.get('language') ?? 'en-US';
  const showAll = params.get('all') === '1';

  const options = useQuery(ProductDownloadsDocument, { variables: { versionId: version?.id ?? '' }, skip: !version });
  const available = options.data?.productDownloads;
  const installer = available?.installers.find((file) => file.platform === platform && file.language === language);
  const [createLinks, link] = useMutation(CreateDownloadLinksDocument);
  const [copied, setCopied] = useState<string | null>(null);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  async function browserDownload() {
    if (!installer) return;
    const result = await createLinks({ variables: { fileIds: [installer.id] } }).catch(() => null);
    const url = result?.data?.createDownloadLinks[0]?.url;
    if (url) startDownloads([url]);
  }

  async function copyLink() {
    if (!installer) return;
    const result = await createLinks({ variables: { fileIds: [installer.id] } }).catch(() => null);
    const url = result?.data?.createDownloadLinks[0]?.url;
    if (url) {
      const absolute = new URL(url, window.location.origin).toString();
      await navigator.clipboard?.writeText(absolute).catch(() => undefined);
      setCopied(absolute);
    }
  }

  if (entitlements.error && !entitlements.data) {
    return <ErrorPanel title={t('products.errorTitle')} onRetry={() => void entitlements.refetch()} />;
  }
  return (
    <Stack gap="lg">
      <PageHeader title={t('downloads.title')} description={t('downloads.subtitle')} />
      {entitlements.loading && !entitlements.data ? (
        <Skeleton height={120} radius="md" />
      ) : !product || !version ? (
        <Paper withBorder radius="md" p="xl">
          <Text c="dimmed">{t('downloads.nothing')}</Text>
        </Paper>
      ) : (
        <>
          <Paper withBorder radius="md" p="md">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
              <Select
                label={t('downloads.product')}
                data={products.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
                value={product.id}
                onChange={(value) => update({ product: value, version: null })}
                allowDeselect={false}
                searchable
              />
              <Select
                label={t('downloads.version')}
                data={product.versions.map((candidate) => ({ value: candidate.id, label: candidate.version }))}
                value={version.id}
                onChange={(value) => update({ version: value })}
                allowDeselect={false}
              />
              <Select
                label={t('downloads.platform')}
                data={(available?.platforms ?? [platform]).map((value) => ({ value, label: t(`downloads.platforms.${value}`) }))}
                value={platform}
                onChange={(value) => update({ platform: value })}
                allowDeselect={false}
              />
              <Select
                label={t('downloads.language')}
                data={(available?.languages ?? [language]).map((value) => ({ value, label: t(`downloads.languages.${value}`, { defaultValue: value }) }))}
                value={language}
                onChange={(value) => update({ language: value })}
                allowDeselect={false}
              />
            </SimpleGrid>
          </Paper>

          {options.loading && !available ? (
            <Skeleton height={160} radius="md" />
          ) : options.error ? (
            <ErrorPanel title={t('downloads.errorTitle')} onRetry={() => void options.refetch()} />
          ) : !installer ? (
            <Alert color="yellow" variant="light">
              {t('downloads.noInstaller')}
            </Alert>
          ) : (
            <Paper withBorder radius="md" p="md">
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap">
                  <div>
                    <Title order={2} size="h4">
                      {installer.name}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t(`downloads.platforms.${installer.platform}`)} · {t(`downloads.languages.${installer.language}`, { defaultValue: installer.language })}
                    </Text>
                  </div>
                  <Group gap="xs">
                    <Button leftSection={<IconDownload size={16} />} onClick={() => void browserDownload()} loading={link.loading}>
                      {t('downloads.methods.BROWSER_DOWNLOAD')}
                    </Button>
                    <Button variant="default" leftSection={<IconList size={16} />} onClick={() => update({ all: showAll ? null : '1' })} aria-expanded={showAll}>
                      {t('downloads.viewAll')}
                    </Button>
                  </Group>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                  <div>
                    <Text size="xs" c="dimmed">{t('downloads.fileName')}</Text>
                    <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>{installer.fileName}</Text>
                  </div>
                  <div>
                    <Text size="xs" c="dimmed">{t('downloads.size')}</Text>
                    <Text size="sm" data-testid="installer-size">{formatSize(installer.size, i18n.language)}</Text>
                  </div>
                  <div>
                    <Text size="xs" c="dimmed">SHA-256</Text>
                    <Code block data-testid="installer-sha256" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
                      {installer.sha256}
                    </Code>
                  </div>
                </SimpleGrid>
                <FormError message={link.error && t('downloads.linkFailed')} />
                {showAll && available && (
                  <InstallMethods
                    methods={available.methods}
                    version={version}
                    onDownloadManager={() => void copyLink()}
                    onBrowserDownload={() => void browserDownload()}
                    copiedLink={copied}
                    busy={link.loading}
                  />
                )}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
