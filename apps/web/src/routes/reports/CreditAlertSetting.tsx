import { useMutation } from '@apollo/client/react';
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { formatNumber } from '../../ui/format';
import { CloudCreditAlertsDocument, SetCloudCreditAlertDocument } from './reports.graphql';

/**
 * The account's low-credit alert (issue 22, item 12): admins are mailed once when a subscription's
 * credits left fall below the threshold, and again after they went back above and fell again.
 * Keyed by the saved threshold where it is used, so the field starts again from a saved change.
 */
export function CreditAlertSetting({ threshold }: { threshold: number | null }) {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const [value, setValue] = useState<string | number>(threshold ?? '');
  const [save, { loading, error, reset }] = useMutation(SetCloudCreditAlertDocument, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: CloudCreditAlertsDocument, data: { cloudCreditAlerts: data.setCloudCreditAlert } });
    },
  });
  const failed = apiError(error);

  async function submit(next: number | null) {
    reset();
    try {
      await save({ variables: { input: { threshold: next } } });
    } catch {
      // Shown below the field.
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(value === '' ? null : Number(value));
  }

  return (
    <Paper withBorder radius="md" p="md">
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('cloud.alert.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('cloud.alert.description')}
          </Text>
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t('cloud.alert.threshold')}
              min={0}
              clampBehavior="none"
              allowDecimal={false}
              thousandSeparator={i18n.language === 'sl' ? '.' : ','}
              decimalSeparator={i18n.language === 'sl' ? ',' : '.'}
              value={value}
              onChange={setValue}
              error={failed?.field === 'threshold' ? errorText(error) : null}
              w={220}
            />
            <Button type="submit" loading={loading}>
              {t('cloud.alert.save')}
            </Button>
            {threshold !== null && (
              <Button variant="default" onClick={() => void submit(null)} disabled={loading}>
                {t('cloud.alert.off')}
              </Button>
            )}
          </Group>
          {error && failed?.field !== 'threshold' && <FormError message={errorText(error) ?? ''} />}
          <Text size="sm" data-testid="credit-alert-state">
            {threshold === null ? t('cloud.alert.none') : t('cloud.alert.set', { count: threshold, amount: formatNumber(threshold, i18n.language) })}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
