import { useQuery } from '@apollo/client/react';
import { Anchor, Avatar, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { UserDetailsDocument } from './details.graphql';
import { RoleBadge, StatusBadge } from './UserBadges';
import { UserAccessPanel } from './UserAccessPanel';
import { UserDevicesPanel } from './UserDevicesPanel';
import { UserSeatsPanel } from './UserSeatsPanel';

/** F-44 "View Details": who the person is, the products they hold, their role and team. */
export function UserDetailsPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(UserDetailsDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });

  if (error && !data) return <ErrorPanel title={t('userDetails.errorTitle')} onRetry={() => void refetch()} />;
  if (!data) return <Loader aria-label={t('userDetails.loading')} />;
  const { user } = data;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/users" size="sm">
        ← {t('userDetails.back')}
      </Anchor>
      <PageHeader
        title={user.name}
        description={user.email}
        aside={
          <Group gap="xs">
            {loading && <Loader size="xs" />}
            <RoleBadge role={user.role} />
            <StatusBadge status={user.status} />
          </Group>
        }
      />
      <Group gap="lg">
        <Avatar size={44} radius="xl" color="initials" name={user.name} />
        <Text size="sm" c="dimmed">
          {t('userDetails.joined', { date: formatDate(user.joinedAt, i18n.language) })}
          {' · '}
          {user.lastSignInAt ? t('userDetails.lastSignIn', { date: formatDate(user.lastSignInAt, i18n.language) }) : t('userDetails.neverSignedIn')}
        </Text>
        <Anchor component={Link} to={`/audit?target=${user.id}`} size="sm">
          {t('userDetails.history')}
        </Anchor>
      </Group>
      <UserSeatsPanel userId={user.id} seats={data.userSeats} active={user.status !== 'INACTIVE'} />
      <UserDevicesPanel userId={user.id} name={user.name} />
      <UserAccessPanel key={`${user.id}-${user.version}`} user={user} teams={data.teams} onReload={() => void refetch()} />
    </Stack>
  );
}
