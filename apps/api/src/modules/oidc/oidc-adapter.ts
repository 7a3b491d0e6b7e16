import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { OAuthClient } from './oauth-client.entity.js';

const TABLE = 'oidc_models';

/** The client metadata oidc-provider reads for a product registered in the vendor console. */
export function clientMetadata(client: Pick<OAuthClient, 'clientId' | 'name' | 'redirectUris'>): AdapterPayload {
  return {
    client_id: client.clientId,
    client_name: client.name,
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    redirect_uris: client.redirectUris,
    response_types: client.redirectUris.length > 0 ? ['code'] : [],
    grant_types: [
      ...(client.redirectUris.length > 0 ? ['authorization_code'] : []),
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:device_code',
    ],
  };
}

interface ModelRow {
  payload: string;
  expires_at: string | number | Date | null;
  consumed_at: string | number | Date | null;
}

/**
 * oidc-provider's storage in one table (`oidc_models`, `oidc-model.entity.ts`) on either driver.
 * Clients are not stored here: the `Client` model reads the vendor's registered products
 * (`oauth_clients`). Expired rows are removed by the `oidc.expired-models` schedule (`app.ts`).
 */
export function databaseAdapter(orm: MikroORM): new (model: string) => Adapter {
  const em = () => orm.em.fork() as EntityManager;
  const date = (value: Date) => em().getPlatform().processDateProperty(value) as Date;

  return class DatabaseAdapter implements Adapter {
    constructor(private readonly model: string) {}

    private key(id: string) {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.model === 'Client') throw new Error('Clients are registered in the Vendor console.');
      const row = {
        key: this.key(id),
        model: this.model,
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        user_code: payload.userCode ?? null,
        uid: payload.uid ?? null,
        subject: payload.accountId ?? null,
        client_id: payload.clientId ?? null,
        expires_at: expiresIn ? date(new Date(Date.now() + expiresIn * 1000)) : null,
      };
      const created = { ...row, created_at: date(new Date()) };
      // A row saved again (a session, an interaction with its result) keeps its creation time.
      await em().getKnex()(TABLE).insert(created).onConflict('key').merge(Object.keys(row));
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') {
        const client = await em().findOne(OAuthClient, { clientId: id });
        return client ? clientMetadata(client) : undefined;
      }
      return this.first({ key: this.key(id) });
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.first({ model: this.model, user_code: userCode });
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.first({ model: this.model, uid });
    }

    async consume(id: string): Promise<void> {
      await em()
        .getKnex()(TABLE)
        .where({ key: this.key(id) })
        .update({ consumed_at: date(new Date()) });
    }

    async destroy(id: string): Promise<void> {
      await em().getKnex()(TABLE).where({ key: this.key(id) }).delete();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await em().getKnex()(TABLE).where({ grant_id: grantId }).delete();
    }

    private async first(where: Record<string, string>): Promise<AdapterPayload | undefined> {
      const row: ModelRow | undefined = await em().getKnex()(TABLE).where(where).first('payload', 'expires_at', 'consumed_at');
      if (!row) return undefined;
      // A device code past its time is still found, so the provider answers expired_token (it checks `exp` itself).
      if (this.model !== 'DeviceCode' && row.expires_at !== null && new Date(row.expires_at).getTime() <= Date.now()) return undefined;
      const payload = JSON.parse(row.payload) as AdapterPayload;
      if (row.consumed_at !== null) payload.consumed = Math.floor(new Date(row.consumed_at).getTime() / 1000);
      return payload;
    }
  };
}

/** Removes the provider's rows that expired (a schedule in `app.ts`). */
export async function deleteExpiredModels(em: EntityManager, now: Date): Promise<number> {
  return em
    .getKnex()(TABLE)
    .where('expires_at', '<', em.getPlatform().processDateProperty(now) as Date)
    .delete();
}
