import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination.type.js';
import { UUID } from '../common/uuid.scalar.js';

@ObjectType({
  description:
    "A product registered as an OAuth client of Seatwise's OpenID provider: a public native client (no secret) with PKCE required, the device grant (RFC 8628) and, when it has redirect URIs, the authorization code on a loopback redirect (RFC 8252).",
})
export class OAuthClient {
  @Field(() => UUID, { description: 'Stable identifier of the registration.' })
  id!: string;

  @Field(() => String, { description: 'The `client_id` the product sends to the provider.' })
  clientId!: string;

  @Field(() => String, { description: 'The name people see when they connect the product.' })
  name!: string;

  @Field(() => [String], { description: 'Loopback redirect URIs (`http://127.0.0.1/…`, `http://[::1]/…`); any port is accepted at sign-in. Empty: device grant only.' })
  redirectUris!: string[];

  @Field(() => Date, { description: 'When it was registered.' })
  createdAt!: Date;
}

export const OAuthClientConnection = connectionTypes(OAuthClient, 'OAuthClient', {
  one: 'OAuth client',
  many: 'OAuth clients',
  page: 'A page of the registered OAuth clients, newest first.',
  total: 'How many OAuth clients are registered, on all pages together.',
});
export type OAuthClientConnection = InstanceType<typeof OAuthClientConnection>;

@InputType({ description: 'A product to register as an OAuth client.' })
export class CreateOAuthClientInput {
  @Field(() => String, { description: 'The name people see when they connect it, 1 to 100 characters.' })
  name!: string;

  @Field(() => [String], { defaultValue: [], description: 'Loopback redirect URIs (http on 127.0.0.1 or [::1], no port needed), at most 10; empty for the device grant only.' })
  redirectUris!: string[];
}

@ObjectType({ description: 'A product or device the person connected to Seatwise: a grant of the OpenID provider, with its refresh tokens.' })
export class ConnectedApp {
  @Field(() => String, { description: 'Identifier of the grant.' })
  id!: string;

  @Field(() => String, { description: 'The product (OAuth client) name.' })
  name!: string;

  @Field(() => String, { description: 'The account the product acts in.' })
  accountName!: string;

  @Field(() => [String], { description: 'What the product may read (OpenID scopes).' })
  scopes!: string[];

  @Field(() => Date, { description: 'When the person connected it.' })
  connectedAt!: Date;

  @Field(() => Date, { description: 'When the connection ends unless the product keeps using it.' })
  expiresAt!: Date;
}

export const ConnectedAppConnection = connectionTypes(ConnectedApp, 'ConnectedApp', {
  one: 'connected app',
  many: 'connected apps',
  page: 'A page of the products and devices the person connected, latest first.',
  total: 'How many connections the person has, on all pages together.',
});
export type ConnectedAppConnection = InstanceType<typeof ConnectedAppConnection>;

@ObjectType({ description: 'A device or product waiting for the person to enter its code (RFC 8628 device authorization).' })
export class DeviceAuthorization {
  @Field(() => String, { description: 'The product asking.' })
  clientName!: string;

  @Field(() => [String], { description: 'What it asks to read.' })
  scopes!: string[];

  @Field(() => Date, { description: 'When the code stops working.' })
  expiresAt!: Date;
}

@ObjectType({ description: 'A product waiting for the person to sign in and allow it (an authorization request of the OpenID provider).' })
export class OidcInteraction {
  @Field(() => String, { description: 'The interaction.' })
  uid!: string;

  @Field(() => String, { description: 'The product asking.' })
  clientName!: string;

  @Field(() => [String], { description: 'What it asks to read.' })
  scopes!: string[];
}

@ObjectType({ description: 'A machine on which the person runs a product with a named-user lease (registered by its first checkout).' })
export class LicenceDevice {
  @Field(() => UUID, { description: 'Stable identifier of the device.' })
  id!: string;

  @Field(() => String, { description: 'The product it runs.' })
  productName!: string;

  @Field(() => String, { description: 'The machine name the product reported.' })
  name!: string;

  @Field(() => String, { description: 'The platform the product reported, e.g. "windows".' })
  platform!: string;

  @Field(() => String, { description: 'The version of its last checkout.' })
  lastVersion!: string;

  @Field(() => Date, { description: 'Its first checkout.' })
  firstCheckoutAt!: Date;

  @Field(() => Date, { description: 'Its latest checkout.' })
  lastCheckoutAt!: Date;
}

export const LicenceDeviceConnection = connectionTypes(LicenceDevice, 'LicenceDevice', {
  one: 'device',
  many: 'devices',
  page: 'A page of the machines the person runs products on, latest checkout first.',
  total: 'How many devices count against the person\'s limits, on all pages together.',
});
export type LicenceDeviceConnection = InstanceType<typeof LicenceDeviceConnection>;

@ObjectType({ description: 'One seat of a network subscription held now by a running product (a network lease): who, on which machine, since when.' })
export class NetworkLease {
  @Field(() => UUID, { description: 'The lease; `releaseNetworkLease` takes it.' })
  id!: string;

  @Field(() => UUID, { description: 'The person whose product holds the seat.' })
  userId!: string;

  @Field(() => String, { description: "The person's name in this account." })
  personName!: string;

  @Field(() => String, { description: "The person's email address in this account." })
  email!: string;

  @Field(() => String, { description: 'The product running.' })
  productName!: string;

  @Field(() => String, { description: 'The version it checked out.' })
  version!: string;

  @Field(() => String, { description: 'The machine name the product reported.' })
  machineName!: string;

  @Field(() => String, { description: 'The platform the product reported, e.g. "windows".' })
  platform!: string;

  @Field(() => Date, { description: 'When the product checked the seat out.' })
  checkedOutAt!: Date;

  @Field(() => Date, { description: 'Its latest heartbeat (the checkout, when none came yet).' })
  lastHeartbeatAt!: Date;

  @Field(() => Date, { description: 'When the seat frees itself unless a heartbeat comes first: the last heartbeat plus two intervals.' })
  expiresAt!: Date;
}

@ObjectType({ description: "A network subscription's seats now: held by running products (leases served by Seatwise), in licence files for on-premises servers, and free." })
export class NetworkSeats {
  @Field(() => UUID, { description: 'The network subscription.' })
  subscriptionId!: string;

  @Field(() => String, { description: 'Its name.' })
  subscriptionName!: string;

  @Field(() => Int, { description: 'Its seats.' })
  seats!: number;

  @Field(() => Int, { description: 'Seats in network licence files for on-premises licence servers (not revoked, not expired).' })
  inLicenceFiles!: number;

  @Field(() => Int, { description: 'Seats free for the next checkout.' })
  free!: number;

  @Field(() => Int, { description: 'Seconds between two heartbeats a running product sends; a lease with none for two intervals frees itself.' })
  heartbeatSeconds!: number;

  @Field(() => [NetworkLease], { description: 'The leases held now, the oldest checkout first: at most `seats`.' })
  leases!: NetworkLease[];
}
