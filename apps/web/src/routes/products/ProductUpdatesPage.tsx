import { useQuery } from '@apollo/client/react';
import { Paper, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { PageHeader } from '../../ui/PageHeader';
import { ProductFilesTable } from './ProductFilesTable';
import { ProductUpdatesDocument } from './products.graphql';

/** F-25 "Product Updates": every update for the person's software; download one, several or all. */
export function ProductUpdatesPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ProductUpdatesDocument);
  return (
    <Stack gap="lg">
      <PageHeader title={t('productUpdates.title')} description={t('productUpdates.subtitle')} />
      {error && !data ? (
        <ErrorPanel title={t('productUpdates.errorTitle')} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <Skeleton height={240} radius="md" />
      ) : (
        <Paper withBorder radius="md" p="md">
          <ProductFilesTable files={data?.productUpdates ?? []} emptyText={t('productUpdates.empty')} selectable showProduct />
        </Paper>
      )}
    </Stack>
  );
}
