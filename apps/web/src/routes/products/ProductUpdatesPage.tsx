import { useQuery } from '@apollo/client/react';
import { Paper, Select, SimpleGrid, Skeleton, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useState } from 'react';
import { LoadMore } from '../../ui/CursorPager';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { PageHeader } from '../../ui/PageHeader';
import { ProductFilesTable } from './ProductFilesTable';
import { ProductUpdatesDocument } from './products.graphql';

/** Updates fetched at a time: the filters below work on those shown, so a page is a large one. */
const UPDATES_PAGE = 100;

/** F-25 "Product Updates": every update for the person's software; download one, several or all. */
export function ProductUpdatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch, fetchMore } = useQuery(ProductUpdatesDocument, { variables: { first: UPDATES_PAGE } });
  const [fetchingMore, setFetchingMore] = useState(false);
  const product = params.get('product');
  const search = params.get('q') ?? '';
  const updates = data?.productUpdates.edges.map((edge) => edge.node) ?? [];
  async function showMore(after: string) {
    setFetchingMore(true);
    await fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        productUpdates: { ...fetchMoreResult.productUpdates, edges: [...(previous.productUpdates?.edges ?? []), ...fetchMoreResult.productUpdates.edges] },
      }),
    }).finally(() => setFetchingMore(false));
  }
  const products = [...new Map(updates.map((file) => [file.productId, file.productName])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const shown = updates.filter(
    (file) =>
      (!product || file.productId === product) &&
      (!search || `${file.name} ${file.productName} ${file.version}`.toLowerCase().includes(search.toLowerCase())),
  );
  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('productUpdates.title')} description={t('productUpdates.subtitle')} />
      {error && !data ? (
        <ErrorPanel title={t('productUpdates.errorTitle')} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Skeleton height={240} radius="md" />
      ) : (
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mb="md">
            <Select
              label={t('downloads.product')}
              placeholder={t('productUpdates.allProducts')}
              data={products.map(([value, label]) => ({ value, label }))}
              value={product}
              onChange={(value) => update('product', value)}
              clearable
            />
            <TextInput
              label={t('productUpdates.search')}
              leftSection={<IconSearch size={16} />}
              type="search"
              value={search}
              onChange={(event) => update('q', event.currentTarget.value)}
            />
          </SimpleGrid>
          {/* Remounted when the filter changes, so a selection never includes hidden rows. */}
          <ProductFilesTable
            key={`${product ?? ''}|${search}`}
            files={shown}
            emptyText={updates.length ? t('productUpdates.noMatch') : t('productUpdates.empty')}
            selectable
            showProduct
          />
          {data && (
            <LoadMore
              pageInfo={data.productUpdates.pageInfo}
              shown={updates.length}
              total={data.productUpdates.totalCount}
              loading={fetchingMore}
              onMore={(after) => void showMore(after)}
            />
          )}
        </Paper>
      )}
    </Stack>
  );
}
