import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { type WebhookLog, type WebhooksApi, WebhooksManager } from '../../ui/webhooks/WebhooksManager';
import {
  CreateVendorWebhookEndpointDocument,
  DeleteVendorWebhookEndpointDocument,
  RedeliverVendorWebhookDocument,
  RotateVendorWebhookSecretDocument,
  UpdateVendorWebhookEndpointDocument,
  VendorWebhookAttemptsDocument,
  VendorWebhookEndpointsDocument,
} from './vendor-webhooks.graphql';

const LOG_PAGE = 20;

function useVendorLog(endpointId: string, after: string | null): WebhookLog {
  const { data, previousData, refetch } = useQuery(VendorWebhookAttemptsDocument, { variables: { endpointId, first: LOG_PAGE, after }, fetchPolicy: 'cache-and-network' });
  const connection = (data ?? previousData)?.vendorWebhookAttempts;
  return {
    attempts: connection ? connection.edges.map((edge) => edge.node) : null,
    totalCount: connection?.totalCount ?? 0,
    pageInfo: connection?.pageInfo ?? null,
    refetch: () => void refetch(),
  };
}

/** Vendor console → Webhooks: the vendor's endpoints, which get every customer's events (operators only). */
export function VendorWebhooksPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(VendorWebhookEndpointsDocument, { fetchPolicy: 'cache-and-network' });
  const [create] = useMutation(CreateVendorWebhookEndpointDocument);
  const [update] = useMutation(UpdateVendorWebhookEndpointDocument);
  const [rotate] = useMutation(RotateVendorWebhookSecretDocument);
  const [remove] = useMutation(DeleteVendorWebhookEndpointDocument);
  const [redeliver] = useMutation(RedeliverVendorWebhookDocument);
  const api: WebhooksApi = {
    endpoints: data?.vendorWebhookEndpoints ?? null,
    loading,
    failed: Boolean(error),
    refetch: () => void refetch(),
    vendor: true,
    async create(input) {
      const result = await create({ variables: { input } });
      await refetch();
      return result.data!.createVendorWebhookEndpoint.secret;
    },
    async update(id, change) {
      await update({ variables: { input: { id, ...change } } });
    },
    async rotate(id) {
      return (await rotate({ variables: { id } })).data!.rotateVendorWebhookSecret.secret;
    },
    async remove(id) {
      await remove({ variables: { id } });
      await refetch();
    },
    async redeliver(deliveryId) {
      await redeliver({ variables: { deliveryId } });
    },
    useLog: useVendorLog,
  };
  return <WebhooksManager api={api} title={t('webhooks.vendorTitle')} description={t('webhooks.vendorDescription')} />;
}
