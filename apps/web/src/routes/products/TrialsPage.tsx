import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFlask } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDate } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { CursorPager } from '../../ui/CursorPager';
import { PageHeader } from '../../ui/PageHeader';
import { StartTrialDocument, TrialsPageDocument } from './trials.graphql';

const TRIALS_PAGE = 24;

/** F-26 "Trials" and "Active Trials". */
export function TrialsPage() {
  const { t, i18n } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const { data: current, previousData, loading, error, refetch } = useQuery(TrialsPageDocument, {
    variables: { first: TRIALS_PAGE, after: cursors.at(-1) ?? null },
  });
  const data = current ?? previousData;
  const [start, starting] = useMutation(StartTrialDocument, { refetchQueries: ['TrialsPage', 'ProductEntitlements'], awaitRefetchQueries: true });
  const [pending, setPending] = useState<string | null>(null);
  const trialLabel = (offer: { licensed: boolean; started: boolean; days: number }) =>
    offer.licensed ? t('trials.licensed') : offer.started ? t('trials.used') : t('trials.start', { days: offer.days });

  async function startTrial(productId: string) {
    setPending(productId);
    await start({ variables: { productId } }).catch(() => undefined);
    setPending(null);
  }

  if (error && !data) return <ErrorPanel title={t('trials.errorTitle')} onRetry={() => void refetch()} />;
  const trials = data?.trials.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="lg">
      <PageHeader title={t('trials.title')} description={t('trials.subtitle')} />
      {loading && !data ? (
        <Skeleton height={200} radius="md" />
      ) : (
        <>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('trials.active')}
            </Title>
            {trials.length === 0 && cursors.length === 0 ? (
              <Paper withBorder radius="md" p="md">
                <Text size="sm" c="dimmed">
                  {t('trials.none')}
                </Text>
              </Paper>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                {trials.map((trial) => (
                  <Card key={trial.id} withBorder radius="md" data-testid="active-trial">
                    <Group justify="space-between" mb="xs">
                      <Text fw={600}>{trial.productName}</Text>
                      <Badge color={trial.active ? 'grape' : 'gray'} variant="light">
                        {trial.active ? t('trials.daysLeft', { count: trial.daysLeft }) : t('trials.ended')}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed" mb="sm">
                      {t('trials.until', { date: formatDate(trial.endsAt, i18n.language) })}
                    </Text>
                    {trial.active && trial.versionId && (
                      <Button
                        component={Link}
                        to={`/products/downloads?product=${trial.productId}&version=${trial.versionId}`}
                        size="xs"
                        variant="light"
                        leftSection={<IconDownload size={14} />}
                      >
                        {t('products.viewDownloads')}
                      </Button>
                    )}
                  </Card>
                ))}
              </SimpleGrid>
            )}
            {data && <CursorPager pageInfo={data.trials.pageInfo} cursors={cursors} onChange={setCursors} />}
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('trials.offers')}
            </Title>
            <FormError message={starting.error && t('trials.startFailed')} />
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {data?.trialOffers.map((offer) => (
                <Card key={offer.productId} withBorder radius="md">
                  <Stack gap="xs" h="100%" justify="space-between">
                    <div>
                      <Text fw={600}>{offer.productName}</Text>
                      <Text size="xs" c="dimmed">
                        {offer.description}
                      </Text>
                    </div>
                    <Button
                      size="xs"
                      variant={offer.started || offer.licensed ? 'default' : 'filled'}
                      leftSection={<IconFlask size={14} />}
                      disabled={offer.started || offer.licensed}
                      loading={pending === offer.productId}
                      onClick={() => void startTrial(offer.productId)}
                      aria-label={`${trialLabel(offer)}: ${offer.productName}`}
                    >
                      {trialLabel(offer)}
                    </Button>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </Stack>
        </>
      )}
    </Stack>
  );
}
