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
import { Bounded } from '../../graphql/limits.js';
import { AllowVendor, type StaffContext, VendorPermission } from '../../graphql/vendor-access.js';
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
} from '../webhooks/webhooks.service.js';
import { recordVendorAudit, staffActor } from './vendor-audit.service.js';

/** The vendor's endpoints (every customer's events), managed by operators; audited in the vendor log. */
const vendorOwner = (ctx: StaffContext): EndpointOwner => ({
  accountId: null,
  userId: ctx.staff.userId,
  audit: (em, action, endpoint, summary) => recordVendorAudit(em, { ...staffActor(ctx.staff), action, summary, details: { endpointId: endpoint.id } }),
});

@Resolver()
export class VendorWebhooksResolver {
  @AllowVendor(VendorPermission.MANAGE_WEBHOOKS)
  @Bounded(MAX_WEBHOOK_ENDPOINTS)
  @Query(() => [WebhookEndpoint], { description: `The vendor's webhook endpoints, oldest first (at most ${MAX_WEBHOOK_ENDPOINTS}); they get every customer's events.` })
  vendorWebhookEndpoints(@Ctx() ctx: StaffContext): Promise<WebhookEndpoint[]> {
    return listWebhookEndpoints(ctx, vendorOwner(ctx));
  }

  @AllowVendor(VendorPermission.MANAGE_WEBHOOKS)
  @Query(() => WebhookEndpoint, { description: "One of the vendor's webhook endpoints." })
  vendorWebhookEndpoint(@Ctx() ctx: StaffContext, @Arg('id', () => UUID, { description: 'The endpoint.' }) id: string): Promise<WebhookEndpoint> {
    return getWebhookEndpoint(ctx, vendorOwner(ctx), id);
  }

  @AllowVendor(VendorPermission.MANAGE_WEBHOOKS)
  @Query(() => WebhookAttemptConnection, { description: "A vendor endpoint's delivery log, the latest attempt first." })
  vendorWebhookAttempts(
    @Ctx() ctx: StaffContext,
    @Arg('endpointId', () => UUID, { description: 'The endpoint.' }) endpointId: string,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<WebhookAttemptConnection> {
    return webhookAttempts(ctx, vendorOwner(ctx), endpointId, page);
  }

  @AllowVendor(VendorPermission.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpointWithSecret, { description: 'Adds a vendor webhook endpoint and returns its signing secret, shown only this once.' })
  createVendorWebhookEndpoint(
    @Ctx() ctx: StaffContext,
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'Address, description and events.' }) input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointWithSecret> {
    return createWebhookEndpoint(ctx, vendorOwner(ctx), input);
  }

  @AllowVendor(VendorPermission.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpoint, { description: 'Changes a vendor webhook endpoint: address, description, events, on or off.' })
  updateVendorWebhookEndpoint(
    @Ctx() ctx: StaffContext,
    @Arg('input', () => UpdateWebhookEndpointInput, { description: 'The endpoint and what changes.' }) input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpoint> {
    return updateWebhookEndpoint(ctx, vendorOwner(ctx), input);
  }

  @AllowVendor(VendorPermission.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpointWithSecret, { description: 'Gives a vendor endpoint a new signing secret, shown only this once; the old one stops at once.' })
  rotateVendorWebhookSecret(@Ctx() ctx: StaffContext, @Arg('id', () => UUID, { description: 'The endpoint.' }) id: string): Promise<WebhookEndpointWithSecret> {
    return rotateWebhookSecret(ctx, vendorOwner(ctx), id);
  }

  @AllowVendor(VendorPermission.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpoint, { description: 'Deletes a vendor webhook endpoint with its delivery log; returns it as it was.' })
  deleteVendorWebhookEndpoint(@Ctx() ctx: StaffContext, @Arg('id', () => UUID, { description: 'The endpoint.' }) id: string): Promise<WebhookEndpoint> {
    return deleteWebhookEndpoint(ctx, vendorOwner(ctx), id);
  }

  @AllowVendor(VendorPermission.MANAGE_WEBHOOKS)
  @Mutation(() => WebhookEndpoint, { description: 'Sends a finished delivery of a vendor endpoint again (same webhook-id, fresh retries); returns its endpoint.' })
  redeliverVendorWebhook(@Ctx() ctx: StaffContext, @Arg('deliveryId', () => UUID, { description: 'The delivery, from the log.' }) deliveryId: string): Promise<WebhookEndpoint> {
    return redeliverWebhook(ctx, vendorOwner(ctx), deliveryId);
  }
}
