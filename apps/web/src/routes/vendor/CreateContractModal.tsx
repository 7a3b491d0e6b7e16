import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Button, Group, Modal, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LicenceType, RenewalMode, SubscriptionTerm } from '@seatwise/schema/client';
import { apiError, useApiErrorText } from '../../ui/apiError';
import { FormError } from '../../ui/FormError';
import { ContractChoicesDocument, CreateCustomerContractDocument } from './contracts.graphql';

interface Line {
  productIds: string[];
  name: string;
  licenceType: LicenceType;
  term: SubscriptionTerm;
  seats: number | string;
  startsOn: string;
  endsOn: string;
  renewal: RenewalMode;
}

const newLine = (startsOn: string, endsOn: string): Line => ({
  productIds: [],
  name: '',
  licenceType: 'SINGLE_USER',
  term: 'ANNUAL',
  seats: 1,
  startsOn,
  endsOn,
  renewal: 'MANUAL',
});

/** "+ Create contract": number, term, and its subscriptions (a product or a collection each). */
export function CreateContractModal({ customerId, onClose, onCreated }: { customerId: string; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const products = useQuery(ContractChoicesDocument, { variables: { customerId } });
  const [teamId, setTeamId] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [lines, setLines] = useState<Line[]>([newLine('', '')]);
  const [create, { loading, error }] = useMutation(CreateCustomerContractDocument);
  const failed = apiError(error);
  const fieldError = (field: string) => (failed?.field === field ? errorText(error) : null);
  const lineFields = ['productIds', 'name', 'seats', 'startsOn', 'endsOn', 'licenceType', 'term'];
  const known = ['number', 'startsOn', 'endsOn', 'teamId', ...lines.flatMap((_, index) => lineFields.map((field) => `subscriptions.${index}.${field}`))];
  const change = (index: number, patch: Partial<Line>) => setLines((current) => current.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  const choices = products.data?.contractProductChoices.map((product) => ({ value: product.id, label: `${product.name} (${product.code})` })) ?? [];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await create({
        variables: {
          input: {
            customerId,
            number,
            teamId,
            startsOn: startsOn.trim(),
            endsOn: endsOn.trim(),
            subscriptions: lines.map((line) => ({
              productIds: line.productIds,
              name: line.name.trim() || null,
              licenceType: line.licenceType,
              term: line.term,
              seats: Number(line.seats),
              startsOn: (line.startsOn || startsOn).trim(),
              endsOn: (line.endsOn || endsOn).trim(),
              renewal: line.renewal,
            })),
          },
        },
      });
      onCreated();
      onClose();
    } catch {
      // shown in the form
    }
  }

  const options = (values: readonly string[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <Modal opened onClose={onClose} title={t('vendor.contracts.create')} size="xl">
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <TextInput label={t('vendor.contracts.fields.number')} required value={number} onChange={(event) => setNumber(event.currentTarget.value)} error={fieldError('number')} />
            <TextInput label={t('vendor.contracts.fields.startsOn')} required placeholder="YYYY-MM-DD" value={startsOn} onChange={(event) => setStartsOn(event.currentTarget.value)} error={fieldError('startsOn')} />
            <TextInput label={t('vendor.contracts.fields.endsOn')} required placeholder="YYYY-MM-DD" value={endsOn} onChange={(event) => setEndsOn(event.currentTarget.value)} error={fieldError('endsOn')} />
            <Select
              label={t('vendor.contracts.fields.team')}
              placeholder={t('vendor.contracts.noTeam')}
              data={products.data?.customerTeamChoices.map((team) => ({ value: team.id, label: team.name })) ?? []}
              value={teamId}
              onChange={setTeamId}
              clearable
              error={fieldError('teamId')}
            />
          </SimpleGrid>
          <Text size="sm" fw={600}>
            {t('vendor.contracts.subscriptions')}
          </Text>
          {lines.map((line, index) => {
            const field = (name: string) => fieldError(`subscriptions.${index}.${name}`);
            return (
              <Paper key={index} withBorder p="sm" radius="md" data-testid="contract-line">
                <Stack gap="xs">
                  <Group align="flex-end" wrap="nowrap" gap="xs">
                    <MultiSelect
                      style={{ flex: 1 }}
                      label={t('vendor.contracts.fields.products')}
                      description={t('vendor.contracts.productsHelp')}
                      data={choices}
                      searchable
                      value={line.productIds}
                      onChange={(productIds) => change(index, { productIds })}
                      error={field('productIds')}
                    />
                    {lines.length > 1 && (
                      <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('vendor.contracts.removeLine')} onClick={() => setLines((current) => current.filter((_, at) => at !== index))}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
                    <TextInput label={t('vendor.contracts.fields.name')} description={t('vendor.contracts.nameHelp')} value={line.name} onChange={(event) => change(index, { name: event.currentTarget.value })} error={field('name')} />
                    <Select label={t('vendor.contracts.fields.licenceType')} data={options(Object.values(LicenceType), 'subscriptions.licence')} value={line.licenceType} onChange={(value) => value && change(index, { licenceType: value as LicenceType })} allowDeselect={false} />
                    <Select label={t('vendor.contracts.fields.term')} data={options(Object.values(SubscriptionTerm), 'subscriptions.term')} value={line.term} onChange={(value) => value && change(index, { term: value as SubscriptionTerm })} allowDeselect={false} />
                    <NumberInput label={t('vendor.contracts.fields.seats')} min={1} max={100000} allowDecimal={false} value={line.seats} onChange={(seats) => change(index, { seats })} error={field('seats')} />
                    <TextInput label={t('vendor.contracts.fields.startsOn')} placeholder={startsOn || 'YYYY-MM-DD'} value={line.startsOn} onChange={(event) => change(index, { startsOn: event.currentTarget.value })} error={field('startsOn')} />
                    <TextInput label={t('vendor.contracts.fields.endsOn')} placeholder={endsOn || 'YYYY-MM-DD'} value={line.endsOn} onChange={(event) => change(index, { endsOn: event.currentTarget.value })} error={field('endsOn')} />
                    <Select label={t('vendor.contracts.fields.renewal')} data={options(Object.values(RenewalMode), 'vendor.contracts.renewalMode')} value={line.renewal} onChange={(value) => value && change(index, { renewal: value as RenewalMode })} allowDeselect={false} />
                  </SimpleGrid>
                </Stack>
              </Paper>
            );
          })}
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setLines((current) => [...current, newLine('', '')])}>
              {t('vendor.contracts.addLine')}
            </Button>
          </Group>
          <FormError message={error && !known.includes(failed?.field ?? '') ? errorText(error) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('vendor.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('vendor.contracts.submit.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
