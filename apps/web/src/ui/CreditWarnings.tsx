import { Alert, Anchor, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from './format';

export interface CreditWarning {
  subscription: { id: string; name: string };
  remaining: number;
  level: 'LOW' | 'NEGATIVE';
}

/**
 * Subscriptions whose cloud credits are below zero or low (the `cloudCreditAlerts` query), on the
 * Cloud credits page and the admin home; red when one is below zero. Nothing when none is.
 */
export function CreditWarnings({ warnings, linkToPage = false }: { warnings: readonly CreditWarning[]; linkToPage?: boolean }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  const negative = warnings.some((warning) => warning.level === 'NEGATIVE');
  return (
    <Alert color={negative ? 'red' : 'yellow'} variant="light" icon={<IconAlertTriangle size={18} />} title={t('cloud.warnings.title')} data-testid="credit-warnings">
      <List size="sm" spacing={4}>
        {warnings.map((warning) => (
          <List.Item key={warning.subscription.id}>
            {t(`cloud.warnings.${warning.level}`, {
              name: warning.subscription.name,
              count: Math.abs(warning.remaining),
              amount: formatNumber(Math.abs(warning.remaining), i18n.language),
            })}
          </List.Item>
        ))}
      </List>
      {linkToPage && (
        <Anchor component={Link} to="/reports/cloud-services-usage" size="sm" mt="xs" display="inline-block">
          {t('cloud.warnings.link')}
        </Anchor>
      )}
    </Alert>
  );
}
