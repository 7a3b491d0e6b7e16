import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Modal, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCertificate, IconHome, IconKey, IconPackage, IconServer } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager } from '../../ui/CursorPager';
import { formatDate, formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { NetworkLicenceModal } from './NetworkLicenceModal';
import type { Entitlement } from './ProductPanel';
import { LicenceRequestsDocument, RequestHomeUseDocument } from './products.graphql';

type Dialog = 'homeUse' | 'network' | 'activation' | 'status' | null;

/** Long labels (Slovenian) wrap inside the button instead of being cut off. */
/** Licence requests per page in the activation dialog. */
const REQUESTS_PAGE = 10;

const actionStyle = {
  justify: 'flex-start',
  h: 'auto',
  mih: 36,
  py: 6,
  styles: { label: { whiteSpace: 'normal', textAlign: 'left' } },
} as const;

/** F-24 "More actions" of one product. */
export function MoreActions({ product }: { product: Entitlement }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const software = product.kind === 'SOFTWARE' && product.versions.length > 0;
  const close = () => setDialog(null);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <Button
          {...actionStyle}
          component={Link}
          to={`/products/packages?new=1&product=${product.id}`}
          variant="default"
          leftSection={<IconPackage size={16} />}
          disabled={!software}
        >
          {t('installPackages.create')}
        </Button>
        <Button {...actionStyle} variant="default" leftSection={<IconHome size={16} />} disabled={!product.homeUseAllowed} onClick={() => setDialog('homeUse')}>
          {t('licensing.homeUse.action')}
        </Button>
        <Button {...actionStyle} variant="default" leftSection={<IconServer size={16} />} disabled={!product.networkLicenceAllowed} onClick={() => setDialog('network')}>
          {t('licensing.network.action')}
        </Button>
        <Button {...actionStyle} variant="default" leftSection={<IconKey size={16} />} onClick={() => setDialog('activation')}>
          {t('licensing.activation.action')}
        </Button>
        <Button {...actionStyle} variant="default" leftSection={<IconCertificate size={16} />} onClick={() => setDialog('status')}>
          {t('licensing.status.action')}
        </Button>
      </SimpleGrid>
      {!product.homeUseAllowed && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('licensing.homeUse.notAllowed')}
        </Text>
      )}
      <HomeUseModal product={product} opened={dialog === 'homeUse'} onClose={close} />
      <NetworkLicenceModal product={product} opened={dialog === 'network'} onClose={close} />
      <ActivationModal product={product} opened={dialog === 'activation'} onClose={close} />
      <StatusModal product={product} opened={dialog === 'status'} onClose={close} />
    </>
  );
}

interface DialogProps {
  product: Entitlement;
  opened: boolean;
  onClose: () => void;
}

function HomeUseModal({ product, opened, onClose }: DialogProps) {
  const { t } = useTranslation();
  const [versionId, setVersionId] = useState<string | null>(product.versions[0]?.id ?? null);
  const [request, { data, loading, error, reset }] = useMutation(RequestHomeUseDocument, { refetchQueries: ['LicenceRequests'] });
  const done = data?.requestHomeUseLicence;
  const close = () => {
    reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('licensing.homeUse.title', { product: product.name })}>
      <Stack>
        <Text size="sm">{t('licensing.homeUse.text')}</Text>
        {done ? (
          <Alert color="green" variant="light">
            {t('licensing.homeUse.done', { product: done.productName, version: done.version, serial: done.serialNumber })}
          </Alert>
        ) : (
          <>
            <Select
              label={t('products.columns.version')}
              data={product.versions.map((version) => ({ value: version.id, label: version.version }))}
              value={versionId}
              onChange={setVersionId}
              allowDeselect={false}
            />
            <FormError message={error && t('licensing.homeUse.failed')} />
            <Button
              loading={loading}
              disabled={!versionId}
              onClick={() => void request({ variables: { input: { productId: product.id, versionId: versionId! } } }).catch(() => undefined)}
            >
              {t('licensing.homeUse.submit')}
            </Button>
          </>
        )}
      </Stack>
    </Modal>
  );
}

function ActivationModal({ product, opened, onClose }: DialogProps) {
  const { t, i18n } = useTranslation();
  const [cursors, setCursors] = useState<string[]>([]);
  const requests = useQuery(LicenceRequestsDocument, {
    skip: !opened,
    variables: { productId: product.id, first: REQUESTS_PAGE, after: cursors.at(-1) ?? null },
  });
  const page = (requests.data ?? requests.previousData)?.licenceRequests;
  const mine = page?.edges.map((edge) => edge.node) ?? [];
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('licensing.activation.title', { product: product.name })}>
      <Stack>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('products.columns.version')}</Table.Th>
              <Table.Th>{t('products.columns.serialNumber')}</Table.Th>
              <Table.Th>{t('products.columns.productKey')}</Table.Th>
              <Table.Th>{t('products.columns.licenceType')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {product.versions.map((version) => (
              <Table.Tr key={version.id}>
                <Table.Td>{version.version}</Table.Td>
                <Table.Td ff="monospace">{version.serialNumber}</Table.Td>
                <Table.Td ff="monospace">{version.productKey}</Table.Td>
                <Table.Td>
                  {version.trial
                    ? t('trials.trial')
                    : t(`products.licenceTypes.${product.licences.find((licence) => licence.serialNumber === version.serialNumber)?.licenceType ?? 'SINGLE_USER'}`)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text fw={600}>{t('licensing.activation.requests')}</Text>
        {mine.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('licensing.activation.noRequests')}
          </Text>
        ) : (
          mine.map((request) => (
            <Text key={request.id} size="sm">
              <Badge variant="light" mr="xs">
                {t(`licensing.kinds.${request.kind}`)}
              </Badge>
              {request.version} · {request.requestedBy} · {formatDateTime(request.createdAt, i18n.language)}
              {request.hostId && ` · ${request.serverHostName} (${request.hostId}), ${t('licensing.network.seatsCount', { count: request.seats ?? 0 })}`}
              {request.revokedAt ? (
                <Badge color="gray" variant="light" ml="xs">
                  {t('licensing.network.revoked', { date: formatDate(request.revokedAt, i18n.language) })}
                </Badge>
              ) : request.licenceFile && (
                <>
                  {' · '}
                  <Anchor
                    href={`data:text/plain;charset=utf-8,${encodeURIComponent(request.licenceFile)}`}
                    download={`${product.code.toLowerCase()}-${request.version}-network.lic`}
                  >
                    {t('licensing.network.download')}
                  </Anchor>
                </>
              )}
            </Text>
          ))
        )}
        {page && <CursorPager pageInfo={page.pageInfo} cursors={cursors} onChange={setCursors} />}
      </Stack>
    </Modal>
  );
}

function StatusModal({ product, opened, onClose }: DialogProps) {
  const { t, i18n } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('licensing.status.title', { product: product.name })}>
      <Stack>
        {product.licences.length === 0 && <Text size="sm">{t('products.trialOnly')}</Text>}
        {product.licences.map((licence) => (
          <Table key={licence.subscriptionId} withTableBorder variant="vertical">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w="40%">{t('products.columns.subscription')}</Table.Th>
                <Table.Td>{licence.subscriptionName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('licensing.status.state')}</Table.Th>
                <Table.Td>
                  <Badge color={!licence.active ? 'red' : licence.cancelled ? 'orange' : 'green'} variant="light">
                    {t(!licence.active ? 'licensing.status.expired' : licence.cancelled ? 'licensing.status.cancelled' : 'licensing.status.active')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('licensing.status.term')}</Table.Th>
                <Table.Td>{t(`licensing.terms.${licence.term}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('licensing.status.period')}</Table.Th>
                <Table.Td>
                  {formatDate(licence.startsOn, i18n.language)} – {formatDate(licence.endsOn, i18n.language)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('licensing.status.daysLeft')}</Table.Th>
                <Table.Td>{Math.max(0, licence.daysLeft)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('licensing.status.seats')}</Table.Th>
                <Table.Td>{t('licensing.status.seatsValue', { assigned: licence.seatsAssigned, total: licence.seats })}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('products.columns.serialNumber')}</Table.Th>
                <Table.Td ff="monospace">{licence.serialNumber}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ))}
      </Stack>
    </Modal>
  );
}
