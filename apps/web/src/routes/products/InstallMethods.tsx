import { Alert, Button, Card, Code, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProductDownloadsQuery } from '../../gql/graphql';
import type { Entitlement } from './ProductPanel';

type Method = ProductDownloadsQuery['productDownloads']['methods'][number];

interface Props {
  methods: Method[];
  version: Entitlement['versions'][number];
  onDownloadManager: () => void;
  onBrowserDownload: () => void;
  copiedLink: string | null;
  busy: boolean;
}

const features = ['installsDirectly', 'activatesAutomatically', 'resumable', 'keepsInstaller', 'needsHelperApp'] as const;

/** "View all": the install methods the server offers side by side, and how they compare (F-21). */
export function InstallMethods({ methods, version, onDownloadManager, onBrowserDownload, copiedLink, busy }: Props) {
  const { t } = useTranslation();
  const actions: Record<string, () => void> = {
    DOWNLOAD_MANAGER: onDownloadManager,
    BROWSER_DOWNLOAD: onBrowserDownload,
  };
  return (
    <Stack gap="md" mt="sm">
      <SimpleGrid cols={{ base: 1, md: methods.length }} spacing="sm">
        {methods.map((method) => (
          <Card key={method.method} withBorder radius="md" padding="md">
            <Stack gap="xs" h="100%" justify="space-between">
              <div>
                <Title order={3} size="h5">
                  {t(`downloads.methods.${method.method}`)}
                </Title>
                <Text size="sm" c="dimmed">
                  {t(`downloads.methodText.${method.method}`)}
                </Text>
              </div>
              <Button variant="light" onClick={actions[method.method]} loading={busy}>
                {t(`downloads.methodAction.${method.method}`)}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Alert variant="light" color="blue" title={t('downloads.activationTitle')}>
        {t('downloads.activationText')} <Code>{version.serialNumber}</Code> · <Code>{version.productKey}</Code>
      </Alert>
      {copiedLink && (
        <Alert variant="light" color="green" title={t('downloads.linkCopied')}>
          <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {copiedLink}
          </Text>
        </Alert>
      )}
      <ScrollArea>
        <Table withTableBorder striped miw={560} aria-label={t('downloads.comparison')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('downloads.comparison')}</Table.Th>
              {methods.map((method) => (
                <Table.Th key={method.method}>{t(`downloads.methods.${method.method}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {features.map((feature) => (
              <Table.Tr key={feature}>
                <Table.Td>{t(`downloads.features.${feature}`)}</Table.Td>
                {methods.map((method) => (
                  <Table.Td key={method.method} aria-label={method[feature] ? t('downloads.yes') : t('downloads.no')}>
                    {method[feature] ? <IconCheck size={16} color="var(--mantine-color-green-7)" /> : <IconX size={16} color="var(--mantine-color-gray-6)" />}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
