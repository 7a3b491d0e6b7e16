import { Button, Group, ScrollArea, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProductEntitlementsQuery } from '../../gql/graphql';
import { formatDate } from '../../ui/format';
import { MoreActions } from './MoreActions';
import { ProductFilesTable } from './ProductFilesTable';

export type Entitlement = ProductEntitlementsQuery['productEntitlements'][number];

/** One expanded product: overview (F-20), Activation (F-22), Updates & Add-ons (F-23), More actions (F-24). */
export function ProductPanel({ product }: { product: Entitlement }) {
  const { t, i18n } = useTranslation();
  const software = product.kind === 'SOFTWARE';
  return (
    <Tabs defaultValue="overview" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="overview">{t('products.tabs.overview')}</Tabs.Tab>
        {software && <Tabs.Tab value="activation">{t('products.tabs.activation')}</Tabs.Tab>}
        {software && <Tabs.Tab value="updates">{t('products.tabs.updates')}</Tabs.Tab>}
        <Tabs.Tab value="more">{t('products.tabs.more')}</Tabs.Tab>
      </Tabs.List>

      <Tabs.Panel value="overview" pt="md">
        <Stack gap="md">
          <ScrollArea>
            <Table striped withTableBorder miw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('products.columns.subscription')}</Table.Th>
                  <Table.Th>{t('products.columns.licenceType')}</Table.Th>
                  <Table.Th>{t('products.columns.licences')}</Table.Th>
                  <Table.Th>{t('products.columns.endsOn')}</Table.Th>
                  <Table.Th>{t('products.columns.serialNumber')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {product.licences.map((licence) => (
                  <Table.Tr key={licence.subscriptionId}>
                    <Table.Td>{licence.subscriptionName}</Table.Td>
                    <Table.Td>{t(`products.licenceTypes.${licence.licenceType}`)}</Table.Td>
                    <Table.Td>{licence.seats}</Table.Td>
                    <Table.Td c={licence.active ? undefined : 'red'}>
                      {formatDate(licence.endsOn, i18n.language)}
                      {!licence.active && ` (${t('products.expired')})`}
                    </Table.Td>
                    <Table.Td ff="monospace">{licence.serialNumber}</Table.Td>
                  </Table.Tr>
                ))}
                {product.licences.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>{t('products.trialOnly')}</Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {software && (
            <div>
              <Text fw={600} mb="xs">
                {t('products.versionsAvailable')}
              </Text>
              {product.versions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('products.noVersions')}
                </Text>
              ) : (
                <Group gap="xs">
                  {product.versions.map((version) => (
                    <Button
                      key={version.id}
                      component={Link}
                      to={`/products/downloads?product=${product.id}&version=${version.id}`}
                      variant={version.current ? 'filled' : 'default'}
                      size="xs"
                      leftSection={<IconDownload size={14} />}
                    >
                      {version.version}
                      {version.current ? ` · ${t('products.current')}` : ''}
                    </Button>
                  ))}
                </Group>
              )}
            </div>
          )}
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="activation" pt="md">
        <ScrollArea>
          <Table striped withTableBorder miw={520}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('products.columns.version')}</Table.Th>
                <Table.Th>{t('products.columns.serialNumber')}</Table.Th>
                <Table.Th>{t('products.columns.productKey')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {product.versions.map((version) => (
                <Table.Tr key={version.id}>
                  <Table.Td>
                    {product.name} {version.version}
                  </Table.Td>
                  <Table.Td ff="monospace">{version.serialNumber}</Table.Td>
                  <Table.Td ff="monospace">{version.productKey}</Table.Td>
                </Table.Tr>
              ))}
              {product.versions.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>{t('products.noVersions')}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Tabs.Panel>

      <Tabs.Panel value="updates" pt="md">
        <Stack gap="lg">
          {product.versions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('products.noVersions')}
            </Text>
          )}
          {product.versions.map((version) => (
            <Stack key={version.id} gap="xs">
              <Text fw={600}>
                {product.name} {version.version}
              </Text>
              <ProductFilesTable files={[...version.updates, ...version.addOns]} emptyText={t('productUpdates.noneForVersion')} />
            </Stack>
          ))}
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="more" pt="md">
        <MoreActions product={product} />
      </Tabs.Panel>
    </Tabs>
  );
}
