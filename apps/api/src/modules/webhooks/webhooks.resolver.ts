import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  CreateWebhookEndpointInput,
  PageArgs,
  UpdateWebhookEndpointInput,
  UUID,
  WebhookAttemptConnection,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { Bounded } from '../../graphql/limits.js';
import { Allow, Permission } from '../../graphql/permissions.js';
import { recordAccountAudit } from '../audit/audit.service.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  type EndpointOwner,
  getWebhookEndpoint,
  listWebhookEndpoints,
  MAX_WEBHOOK_ENDPOINTS,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  webhookAttempts,
} from './webhooks.service.js';

/** The account's endpoints, as its admin (or an admin's token) manages them; audited in the account's log. */
const accountOwner = (ctx: AccountContext): EndpointOwner => ({
  accountId: ctx.viewer.accountId,
  userId: ctx.viewer.userId,
  audit: (em, action, endpoint, summary) => recordAccountAudit(em, ctx.viewer.accountId, ctx.viewer.userId, { action, targetType: 'webhook', targetId: endpoint.id, summary }),
});

@Resolver()
export class WebhooksResolver {
  @Allow(Permission.ReadWebhooks)
  @Bounded(MAX_WEBHOOK_ENDPOINTS)
  @Query(() => [WebhookEndpoint], { description: `The account's webhook endpoints, oldest first (at most ${MAX_WEBHOOK_ENDPOINTS}).` })
  webhookEndpoints(@Ctx() ctx: AccountContext): Promise<WebhookEndpoint[]> {
    return listWebhookEndpoints(ctx, accountOwner(ctx));
  }

  @Allow(Permission.ReadWebhooks)
  @Query(() => WebhookEndpoint, { description: 'One of the account\'s webhook endpoints.' })
  webhookEndpoint(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The endpoint.' }) id: string): Promise<WebhookEndpoint> {
    return getWebhookEndpoint(ctx, accountOwner(ctx), id);
  }

  @Allow(Permission.ReadWebhooks)
  @Query(() => WebhookAttemptConnection, { description: "An endpoint's delivery log, the latest attempt first." })
  webhookAttempts(
    @Ctx() ctx: AccountContext,
    @Arg('endpointId', () => UUID, { description: 'The endpoint.' }) endpointId: string,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<WebhookAttemptConnection> {
    return webhookAttempts(ctx, accountOwner(ctx), endpointId, page);
  }

  @Allow(Permission.ManageWebhooks)
  @Mutation(() => WebhookEndpointWithSecret, { description: 'Adds a webhook endpoint and returns its signing secret, shown only this once.' })
  createWebhookEndpoint(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'Address, description and events.' }) input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointWithSecret> {
    return createWebhookEndpoint(ctx, accountOwner(ctx), input);
  }

  @Allow(Permission.ManageWebhooks)
  @Mutation(() => WebhookEndpoint, { description: 'Changes a webhook endpoint: address, description, events, on or off.' })
  updateWebhookEndpoint(
    @Ctx() ctx: AccountContext,
    @Arg('input', () => UpdateWebhookEndpointInput, { description: 'The endpoint and what changes.' }) input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpoint> {
    return updateWebhookEndpoint(ctx, accountOwner(ctx), input);
  }

  @Allow(Permission.ManageWebhooks)
  @Mutation(() => WebhookEndpointWithSecret, { description: 'Gives the endpoint a new signing secret, shown only this once; the old one stops at once.' })
  rotateWebhookSecret(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The endpoint.' }) id: string): Promise<WebhookEndpointWithSecret> {
    return rotateWebhookSecret(ctx, accountOwner(ctx), id);
  }

  @Allow(Permission.ManageWebhooks)
  @Mutation(() => WebhookEndpoint, { description: 'Deletes a webhook endpoint with its delivery log; returns it as it was.' })
  deleteWebhookEndpoint(@Ctx() ctx: AccountContext, @Arg('id', () => UUID, { description: 'The endpoint.' }) id: string): Promise<WebhookEndpoint> {
    return deleteWebhookEndpoint(ctx, accountOwner(ctx), id);
  }

  @Allow(Permission.ManageWebhooks)
  @Mutation(() => WebhookEndpoint, { description: 'Sends a finished delivery again (same webhook-id, fresh retries); returns its endpoint.' })
  redeliverWebhook(@Ctx() ctx: AccountContext, @Arg('deliveryId', () => UUID, { description: 'The delivery, from the log.' }) deliveryId: string): Promise<WebhookEndpoint> {
    return redeliverWebhook(ctx, accountOwner(ctx), deliveryId);
  }
}
