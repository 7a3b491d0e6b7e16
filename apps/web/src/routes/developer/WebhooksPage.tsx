import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { type WebhookLog, type WebhooksApi, WebhooksManager } from '../../ui/webhooks/WebhooksManager';
import {
  CreateWebhookEndpointDocument,
  DeleteWebhookEndpointDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookEndpointDocument,
  WebhookAttemptsDocument,
  WebhookEndpointsDocument,
} from './webhooks.graphql';

const LOG_PAGE = 20;

function useAccountLog(endpointId: string, after: string | null): WebhookLog {
  const { data, previousData, refetch } = useQuery(WebhookAttemptsDocument, { variables: { endpointId, first: LOG_PAGE, after }, fetchPolicy: 'cache-and-network' });
  const connection = (data ?? previousData)?.webhookAttempts;
  return {
    attempts: connection ? connection.edges.map((edge) => edge.node) : null,
    totalCount: connection?.totalCount ?? 0,
    pageInfo: connection?.pageInfo ?? null,
    refetch: () => void refetch(),
  };
}

/** Developer → Webhooks: the account's endpoints, for its admins. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(WebhookEndpointsDocument, { fetchPolicy: 'cache-and-network' });
  const [create] = useMutation(CreateWebhookEndpointDocument);
  const [update] = useMutation(UpdateWebhookEndpointDocument);
  const [rotate] = useMutation(RotateWebhookSecretDocument);
  const [remove] = useMutation(DeleteWebhookEndpointDocument);
  const [redeliver] = useMutation(RedeliverWebhookDocument);
  const api: WebhooksApi = {
    endpoints: data?.webhookEndpoints ?? null,
    loading,
    failed: Boolean(error),
    refetch: () => void refetch(),
    vendor: false,
    async create(input) {
      const result = await create({ variables: { input } });
      await refetch();
      return result.data!.createWebhookEndpoint.secret;
    },
    async update(id, change) {
      await update({ variables: { input: { id, ...change } } });
    },
    async rotate(id) {
      return (await rotate({ variables: { id } })).data!.rotateWebhookSecret.secret;
    },
    async remove(id) {
      await remove({ variables: { id } });
      await refetch();
    },
    async redeliver(deliveryId) {
      await redeliver({ variables: { deliveryId } });
    },
    useLog: useAccountLog,
  };
  return <WebhooksManager api={api} title={t('webhooks.title')} description={t('webhooks.description')} />;
}
