import { useMutation } from '@apollo/client/react';
import { Alert, Button, CopyButton, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError';
import { inputErrorOf } from './downloading';
import type { Entitlement } from './ProductPanel';
import { RequestNetworkLicenceDocument } from './products.graphql';

/** The same MAC rule as the server's (bare as lmhostid prints it, or pairs with `:` or `-`), to answer before asking it. */
const macAddress = /^[0-9A-F]{2}(?:([:-]?)[0-9A-F]{2})(?:\1[0-9A-F]{2}){4}$/i;

interface Props {
  product: Entitlement;
  opened: boolean;
  onClose: () => void;
}

/** F-24 (c): server host name, host ID and seats; answers with the signed licence file. */
export function NetworkLicenceModal({ product, opened, onClose }: Props) {
  const { t } = useTranslation();
  const networkLicences = product.licences.filter((licence) => licence.licenceType === 'NETWORK' && licence.active);
  const [subscriptionId, setSubscriptionId] = useState<string | null>(networkLicences[0]?.subscriptionId ?? null);
  const [versionId, setVersionId] = useState<string | null>(product.versions[0]?.id ?? null);
  const [host, setHost] = useState('');
  const [hostId, setHostId] = useState('');
  const [seats, setSeats] = useState<number | string>(1);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [request, { data, loading, error, reset }] = useMutation(RequestNetworkLicenceDocument, { refetchQueries: ['LicenceRequests'] });
  const maxSeats = networkLicences.find((licence) => licence.subscriptionId === subscriptionId)?.seats ?? 1;
  const serverError = inputErrorOf(error);
  // The server's own sentence (in the page's language) says what only it knows, e.g. how many seats are still free.
  const fieldError = (field: string) => clientErrors[field] ?? (serverError?.field === field ? serverError.message : undefined);

  function close() {
    reset();
    setClientErrors({});
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!host.trim()) errors.serverHostName = t('licensing.network.errors.serverHostName');
    if (!macAddress.test(hostId.trim())) errors.hostId = t('licensing.network.errors.hostId');
    if (typeof seats !== 'number' || !Number.isInteger(seats) || seats < 1 || seats > maxSeats) errors.seats = t('licensing.network.errors.seats', { max: maxSeats });
    setClientErrors(errors);
    if (Object.keys(errors).length || !subscriptionId || !versionId) return;
    void request({
      variables: { input: { subscriptionId, versionId, serverHostName: host.trim(), hostId: hostId.trim(), seats: Number(seats) } },
    }).catch(() => undefined);
  }

  const issued = data?.requestNetworkLicence;
  return (
    <Modal opened={opened} onClose={close} size="lg" title={t('licensing.network.title', { product: product.name })}>
      {issued ? (
        <Stack>
          <Alert color="green" variant="light">
            {t('licensing.network.done', { host: issued.serverHostName, seats: issued.seats })}
          </Alert>
          <Textarea label={t('licensing.network.file')} value={issued.licenceFile ?? ''} readOnly autosize minRows={6} maxRows={14} ff="monospace" />
          <Group>
            <CopyButton value={issued.licenceFile ?? ''}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('licensing.network.copied') : t('licensing.network.copy')}
                </Button>
              )}
            </CopyButton>
            <Button
              component="a"
              href={`data:text/plain;charset=utf-8,${encodeURIComponent(issued.licenceFile ?? '')}`}
              download={`${product.code.toLowerCase()}-${issued.version}-network.lic`}
            >
              {t('licensing.network.download')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('licensing.network.verifyHint')}
          </Text>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Select
              label={t('licensing.network.subscription')}
              data={networkLicences.map((licence) => ({ value: licence.subscriptionId, label: `${licence.subscriptionName} (${licence.serialNumber})` }))}
              value={subscriptionId}
              onChange={setSubscriptionId}
              allowDeselect={false}
              error={fieldError('subscriptionId')}
            />
            <Select
              label={t('products.columns.version')}
              data={product.versions.map((version) => ({ value: version.id, label: version.version }))}
              value={versionId}
              onChange={setVersionId}
              allowDeselect={false}
              error={fieldError('versionId')}
            />
            <TextInput label={t('licensing.network.host')} placeholder="licence-server.example.com" value={host} onChange={(event) => setHost(event.currentTarget.value)} error={fieldError('serverHostName')} required />
            <TextInput label={t('licensing.network.hostId')} description={t('licensing.network.hostIdHint')} placeholder="0050569A1B2C" value={hostId} onChange={(event) => setHostId(event.currentTarget.value)} error={fieldError('hostId')} required />
            {/* No max: Mantine would clamp 99 to the maximum on blur and send that; too many is an error instead. */}
            <NumberInput
              label={t('licensing.network.seats')}
              description={t('licensing.network.seatsHint', { max: maxSeats })}
              min={1}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              value={seats}
              onChange={setSeats}
              error={fieldError('seats')}
              required
            />
            {error && !serverError?.field && <FormError message={t('licensing.network.failed')} />}
            <Button type="submit" loading={loading}>
              {t('licensing.network.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
