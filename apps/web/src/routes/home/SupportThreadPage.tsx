import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDateTime } from '../../ui/format';
import { FullPageLoader } from '../../ui/FullPageLoader';
import { SupportMessages } from '../../ui/SupportMessages';
import { SupportThreadDocument } from './home.graphql';

/** A support request of the account with support's replies (F-10, V-06), opened from the home card or a reply mail. */
export function SupportThreadPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(SupportThreadDocument, { variables: { id } });
  if (error && !data) return <ErrorPanel onRetry={() => void refetch()} />;
  const thread = data?.supportRequest;
  if (!thread) return <FullPageLoader />;
  const { request, messages } = thread;
  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to="/" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('home.support.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {request.subject}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {formatDateTime(request.createdAt, i18n.language)}
            {request.openedBy ? ` · ${request.openedBy}` : ''}
          </Text>
        </div>
        <Badge size="lg" variant="light" color={request.status === 'OPEN' ? 'orange' : 'gray'}>
          {t(`home.support.status.${request.status}`)}
        </Badge>
      </Group>
      <SupportMessages messages={messages} emptyText={t('home.support.noReplies')} />
      {request.status === 'CLOSED' && (
        <Text size="sm" c="dimmed">
          {t('home.support.closedHint', { date: request.closedAt ? formatDateTime(request.closedAt, i18n.language) : '—' })}
        </Text>
      )}
    </Stack>
  );
}
