import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { countryOptions } from '../profile/countries';
import { CreateCustomerDocument } from './vendor.graphql';

const timeZones = (): string[] => {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return supported.length ? supported : ['Europe/Ljubljana', 'Europe/Vienna', 'Europe/Berlin', 'Europe/London', 'UTC'];
};

/** "Create customer": the customer account with its country, time zone, language and billing id. */
export function CreateCustomerModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useApiErrorText();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const zones = useMemo(() => timeZones(), []);
  const [name, setName] = useState('');
  const [country, setCountry] = useState<string | null>('SI');
  const [timeZone, setTimeZone] = useState<string | null>('Europe/Ljubljana');
  const [language, setLanguage] = useState<string | null>('SL');
  const [externalId, setExternalId] = useState('');
  const [create, { loading, error, reset }] = useMutation(CreateCustomerDocument);
  const failed = apiError(error);
  const fieldError = (field: string) => (failed?.field === field ? errorText(error) : null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const { data } = await create({
        variables: { input: { name, country: country ?? '', timeZone: timeZone ?? '', language: language === 'EN' ? 'EN' : 'SL', externalId: externalId || null } },
      });
      if (data) onCreated(data.createCustomer.id);
    } catch {
      // shown by the fields and the form error below
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('vendor.create.title')}
    >
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack>
          <TextInput label={t('vendor.fields.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={fieldError('name')} data-autofocus />
          <Select label={t('vendor.fields.country')} required searchable data={countries} value={country} onChange={setCountry} error={fieldError('country')} />
          <Select label={t('vendor.fields.timeZone')} required searchable data={zones} value={timeZone} onChange={setTimeZone} error={fieldError('timeZone')} />
          <Select
            label={t('vendor.fields.language')}
            required
            data={[
              { value: 'SL', label: 'Slovenščina' },
              { value: 'EN', label: 'English' },
            ]}
            value={language}
            onChange={setLanguage}
          />
          <TextInput
            label={t('vendor.fields.externalId')}
            description={t('vendor.create.externalIdHint')}
            value={externalId}
            onChange={(event) => setExternalId(event.currentTarget.value)}
            error={fieldError('externalId')}
          />
          <FormError message={error && !failed?.field ? errorText(error) : null} />
          <Group justify="flex-end">
            <Button type="submit" loading={loading}>
              {t('vendor.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
