import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeTiming } from '@seatwise/schema/client';
import type { VendorSubscriptionFieldsFragment } from '../../gql/vendor/graphql';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { formatDay, formatNumber } from '../../ui/format';
import { CancelSubscriptionDocument, ChangeSubscriptionSeatsDocument, PurchaseCloudCreditsDocument, RenewSubscriptionDocument } from './contracts.graphql';

export type SubscriptionAction = 'seats' | 'renew' | 'cancel' | 'credits';

/** Change seats, renew, cancel (with its confirmation) or buy cloud credits for one subscription. */
export function SubscriptionActionModal({
  customerId,
  kind,
  subscription,
  onClose,
  onDone,
}: {
  customerId: string;
  kind: SubscriptionAction;
  subscription: VendorSubscriptionFieldsFragment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const errorText = useApiErrorText();
  const [seats, setSeats] = useState<number | string>(subscription.seatsTotal);
  const [when, setWhen] = useState<ChangeTiming>('NOW');
  const [endsOn, setEndsOn] = useState('');
  const [credits, setCredits] = useState<number | string>(1000);
  const [changeSeats, seatsState] = useMutation(ChangeSubscriptionSeatsDocument);
  const [renew, renewState] = useMutation(RenewSubscriptionDocument);
  const [cancel, cancelState] = useMutation(CancelSubscriptionDocument);
  const [purchase, purchaseState] = useMutation(PurchaseCloudCreditsDocument);
  const state = { seats: seatsState, renew: renewState, cancel: cancelState, credits: purchaseState }[kind];
  const failed = apiError(state.error);
  const fieldError = (field: string) => (failed?.field === field ? errorText(state.error) : null);
  const shownAsField = ['seats', 'endsOn', 'credits'];
  const base = { customerId, subscriptionId: subscription.id };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      if (kind === 'seats') await changeSeats({ variables: { input: { ...base, expectedVersion: subscription.version, seats: Number(seats), when } } });
      if (kind === 'renew') await renew({ variables: { input: { ...base, expectedVersion: subscription.version, endsOn: endsOn.trim() || null } } });
      if (kind === 'cancel') await cancel({ variables: { input: { ...base, expectedVersion: subscription.version, when } } });
      if (kind === 'credits') await purchase({ variables: { input: { ...base, credits: Number(credits) } } });
      onDone();
      onClose();
    } catch {
      // shown in the form
    }
  }

  const decrease = Number(seats) < subscription.seatsTotal;
  return (
    <Modal opened onClose={onClose} title={t(`vendor.contracts.action.${kind}`)} size="md">
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {subscription.name}
          </Text>
          {kind === 'seats' && (
            <>
              <Text size="sm" c="dimmed">
                {t('vendor.contracts.seatsNow', { count: subscription.seatsTotal, used: formatNumber(subscription.seatsUsed, language) })}
              </Text>
              <NumberInput label={t('vendor.contracts.fields.seats')} min={1} max={100000} allowDecimal={false} value={seats} onChange={setSeats} error={fieldError('seats')} />
              {decrease && (
                <Radio.Group label={t('vendor.contracts.fields.decreaseWhen')} value={when} onChange={(value) => setWhen(value as ChangeTiming)}>
                  <Stack gap={6} mt={6}>
                    <Radio value="NOW" label={t('vendor.contracts.when.NOW')} />
                    <Radio value="AT_RENEWAL" label={t('vendor.contracts.when.AT_RENEWAL', { date: formatDay(subscription.endsOn, language) })} />
                  </Stack>
                </Radio.Group>
              )}
            </>
          )}
          {kind === 'renew' && (
            <TextInput
              label={t('vendor.contracts.fields.newEnd')}
              description={t('vendor.contracts.renewHelp', { date: formatDay(subscription.endsOn, language) })}
              placeholder="YYYY-MM-DD"
              value={endsOn}
              onChange={(event) => setEndsOn(event.currentTarget.value)}
              error={fieldError('endsOn')}
            />
          )}
          {kind === 'cancel' && (
            <Radio.Group label={t('vendor.contracts.fields.cancelWhen')} value={when} onChange={(value) => setWhen(value as ChangeTiming)}>
              <Stack gap={6} mt={6}>
                <Radio value="NOW" label={t('vendor.contracts.cancelWhen.NOW')} />
                <Radio value="AT_RENEWAL" label={t('vendor.contracts.cancelWhen.AT_RENEWAL', { date: formatDay(subscription.endsOn, language) })} />
              </Stack>
            </Radio.Group>
          )}
          {kind === 'cancel' && (
            <Text size="sm" c="red.8" role="alert">
              {t('vendor.contracts.cancelConfirm', { name: subscription.name })}
            </Text>
          )}
          {kind === 'credits' && (
            <NumberInput label={t('vendor.contracts.fields.credits')} min={1} allowDecimal={false} thousandSeparator={language === 'sl' ? '.' : ','} decimalSeparator={language === 'sl' ? ',' : '.'} value={credits} onChange={setCredits} error={fieldError('credits')} />
          )}
          <FormError message={state.error && !shownAsField.includes(failed?.field ?? '') ? errorText(state.error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('vendor.cancel')}
            </Button>
            <Button type="submit" color={kind === 'cancel' ? 'red' : undefined} loading={state.loading}>
              {t(`vendor.contracts.submit.${kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
