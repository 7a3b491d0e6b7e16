import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubscriptionStatus } from '@seatwise/schema/client';

const colors: Record<SubscriptionStatus, string> = { ACTIVE: 'green', EXPIRING: 'orange', EXPIRED: 'red', CANCELLED: 'gray' };

/** Active, "Expiring in N days", Expired or Cancelled. */
export function StatusBadge({ status, daysToRenewal }: { status: SubscriptionStatus; daysToRenewal: number }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" radius="sm">
      {status === 'EXPIRING' ? t('subscriptions.expiringIn', { count: daysToRenewal }) : t(`subscriptions.status.${status}`)}
    </Badge>
  );
}
