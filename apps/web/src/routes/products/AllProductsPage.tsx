import { useQuery } from '@apollo/client/react';
import { Accordion, Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconApps, IconDownload, IconFlask, IconPackage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { PageHeader } from '../../ui/PageHeader';
import { ProductPanel } from './ProductPanel';
import { ProductEntitlementsDocument } from './products.graphql';
import { EmptyState } from '../../ui/EmptyState';

/** F-20 "All Products and Services": what the account (or the person) is entitled to; expand one for details. */
export function AllProductsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(ProductEntitlementsDocument);
  const products = data?.productEntitlements;
  const open = params.get('product');

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('products.title')}
        description={t('products.subtitle')}
        aside={
          <Group gap="xs">
            <Button component={Link} to="/products/downloads" leftSection={<IconDownload size={16} />}>
              {t('products.viewDownloads')}
            </Button>
            <Button component={Link} to="/products/packages" variant="default" leftSection={<IconPackage size={16} />}>
              {t('installPackages.title')}
            </Button>
            <Button component={Link} to="/products/trials" variant="default" leftSection={<IconFlask size={16} />}>
              {t('trials.title')}
            </Button>
          </Group>
        }
      />
      {error && !data ? (
        <ErrorPanel title={t('products.errorTitle')} onRetry={() => void refetch()} />
      ) : loading && !products ? (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} height={56} radius="md" />
          ))}
        </Stack>
      ) : products && products.length === 0 ? (
        <EmptyState large icon={<IconApps size={26} />} title={t('products.emptyTitle')} text={t('products.emptyText')}>
        <Button component={Link} to="/products/trials" variant="light" mt="xs">
          {t('trials.startOne')}
        </Button>
        </EmptyState>
      ) : (
        <Accordion
          variant="separated"
          radius="md"
          value={open}
          onChange={(value) => setParams(value ? { product: value } : {}, { replace: true })}
        >
          {products?.map((product) => {
            const active = product.licences.some((licence) => licence.active) || Boolean(product.trial?.active);
            return (
              <Accordion.Item key={product.id} value={product.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="wrap" gap="xs" pr="sm">
                    <div>
                      <Text fw={600}>{product.name}</Text>
                      <Text size="xs" c="dimmed">
                        {product.description}
                      </Text>
                    </div>
                    <Group gap={6}>
                      {[...new Set(product.licences.map((licence) => licence.licenceType))].map((type) => (
                        <Badge key={type} variant="light">
                          {t(`products.licenceTypes.${type}`)}
                        </Badge>
                      ))}
                      {product.trial && (
                        <Badge color={product.trial.active ? 'grape' : 'gray'} variant="light">
                          {product.trial.active
                            ? t('trials.daysLeft', { count: product.trial.daysLeft })
                            : t('trials.ended')}
                        </Badge>
                      )}
                      {!active && (
                        <Badge color="red" variant="light">
                          {t('products.expired')}
                        </Badge>
                      )}
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>{open === product.id && <ProductPanel product={product} />}</Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}
