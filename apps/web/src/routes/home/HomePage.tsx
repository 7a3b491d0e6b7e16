import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconBell, IconHelp, IconLifebuoy, IconRefresh, IconSparkles } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../subscriptions/StatusBadge';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime, formatDay, formatNumber } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { CreditWarnings } from '../../ui/CreditWarnings';
import { AdminHomeDocument, HomeCloudCreditAlertsDocument } from './home.graphql';
import { SupportRequestDialog } from './SupportRequestDialog';
import { supportStatusColor } from '../../ui/supportStatus';

function HomeCard({ title, icon, to, linkLabel, children }: { title: string; icon: ReactNode; to?: string; linkLabel?: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group gap="xs" mb="sm">
        {icon}
        <Title order={2} size="h4">
          {title}
        </Title>
      </Group>
      <Stack gap="xs" style={{ flex: 1 }}>
        {children}
      </Stack>
      {to && (
        <Anchor component={Link} to={to} size="sm" mt="md">
          <Group gap={4}>
            {linkLabel}
            <IconArrowRight size={14} />
          </Group>
        </Anchor>
      )}
    </Card>
  );
}

const helpLinks = [
  { key: 'seats', to: '/reports/seat-usage' },
  { key: 'users', to: '/users' },
  { key: 'subscriptions', to: '/subscriptions' },
  { key: 'api', to: '/playground' },
];

/** Account management home (F-10): latest updates, renewals, open support requests and help; each card links to its section. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { data, error, refetch } = useQuery(AdminHomeDocument);
  const [supportOpen, setSupportOpen] = useState(false);
  const home = data?.adminHome;
  const creditWarnings = useQuery(HomeCloudCreditAlertsDocument).data?.cloudCreditAlerts.warnings ?? [];

  if (error && !home) return <ErrorPanel onRetry={() => void refetch()} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('nav.home')} description={t('home.subtitle')} />
      <CreditWarnings warnings={creditWarnings} linkToPage />
      {!home ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} height={220} radius="md" />
          ))}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <HomeCard title={t('home.updates.title')} icon={<IconSparkles size={20} />} to="/products/updates" linkLabel={t('home.updates.link')}>
            {home.releases.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('home.updates.none')}
              </Text>
            ) : (
              <List size="sm" spacing={6}>
                {home.releases.map((release) => (
                  <List.Item key={`${release.product.id}-${release.version}`}>
                    {t('home.updates.release', { product: release.product.name, version: release.version, date: formatDay(release.releasedOn, language) })}
                  </List.Item>
                ))}
              </List>
            )}
          </HomeCard>

          <HomeCard title={t('home.renewals.title')} icon={<IconRefresh size={20} />} to="/subscriptions" linkLabel={t('home.renewals.link')}>
            <Group gap="xs">
              <Badge variant="light" color="orange">{t('home.renewals.within', { days: 30, count: home.renewingIn30 })}</Badge>
              <Badge variant="light" color="yellow">{t('home.renewals.within', { days: 60, count: home.renewingIn60 })}</Badge>
              <Badge variant="light" color="blue">{t('home.renewals.within', { days: 90, count: home.renewingIn90 })}</Badge>
              <Badge variant="light" color="red">{t('home.renewals.expired', { count: home.expired })}</Badge>
            </Group>
            {home.renewals.slice(0, 5).map((item) => (
              // On a narrow screen the date and status move below the name instead of cutting both short.
              <Group key={item.id} justify="space-between" gap="xs" style={{ rowGap: 2 }} preventGrowOverflow={false}>
                <Anchor component={Link} to={`/subscriptions/contracts/${item.contract.id}`} size="sm">
                  {item.name}
                </Anchor>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {formatDay(item.endsOn, language)}
                  </Text>
                  <StatusBadge status={item.status} daysToRenewal={item.daysToRenewal} />
                </Group>
              </Group>
            ))}
          </HomeCard>

          <HomeCard title={t('home.events.title')} icon={<IconBell size={20} />} to="/subscriptions" linkLabel={t('home.renewals.link')}>
            {home.subscriptionEvents.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('home.events.none')}
              </Text>
            ) : (
              home.subscriptionEvents.map((event) => (
                <div key={event.id} data-testid="subscription-event">
                  <Text size="sm">
                    {t(`home.events.${event.kind}`, {
                      name: event.subscriptionName,
                      count: event.amount ?? 0,
                      amount: formatNumber(event.amount ?? 0, language),
                      date: event.effectiveOn ? formatDay(event.effectiveOn, language) : '',
                    })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(event.at, language)}
                  </Text>
                </div>
              ))
            )}
          </HomeCard>

          <HomeCard title={t('home.support.title')} icon={<IconLifebuoy size={20} />}>
            <Group justify="space-between">
              <Text size="sm" fw={600} data-testid="open-support-count">
                {t('home.support.count', { count: home.openSupportRequestCount })}
              </Text>
              <Button size="xs" variant="light" onClick={() => setSupportOpen(true)}>
                {t('home.support.open')}
              </Button>
            </Group>
            {home.recentSupportRequests.map((request) => (
              <div key={request.id} data-testid="support-request">
                <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={`/support/${request.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {request.subject}
                  </Anchor>
                  <Badge size="sm" variant="light" color={supportStatusColor[request.status]} style={{ flexShrink: 0 }}>
                    {t(`home.support.status.${request.status}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {request.status === 'CLOSED' && request.closedAt
                    ? t('home.support.closedOn', { date: formatDateTime(request.closedAt, language) })
                    : formatDateTime(request.createdAt, language) + (request.openedBy ? ` · ${request.openedBy}` : '')}
                  {request.replyCount > 0 && ` · ${t('home.support.replies', { count: request.replyCount })}`}
                </Text>
              </div>
            ))}
            <Anchor component={Link} to="/support" size="sm">
              {t('home.support.all')}
            </Anchor>
          </HomeCard>

          <HomeCard title={t('home.help.title')} icon={<IconHelp size={20} />} to="/playground" linkLabel={t('home.help.link')}>
            <List size="sm" spacing={6}>
              {helpLinks.map((link) => (
                <List.Item key={link.key}>
                  <Anchor component={Link} to={link.to} size="sm">
                    {t(`home.help.${link.key}`)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </HomeCard>
        </SimpleGrid>
      )}
      <SupportRequestDialog opened={supportOpen} onClose={() => setSupportOpen(false)} />
    </Stack>
  );
}
