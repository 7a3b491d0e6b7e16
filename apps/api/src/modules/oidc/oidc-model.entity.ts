import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Everything oidc-provider keeps (sessions, interactions, grants, codes, device codes, access and
 * refresh tokens, replay records), one row per stored object, written only by `oidc-adapter.ts`.
 * `key` is `<model>:<id>`; the columns beside the JSON payload are the lookups the adapter needs
 * (by grant, user code, session uid) and the person's connected apps (`subject`, `client_id`).
 * Not tenant-filtered: the provider looks rows up by their random ids before anyone is known.
 */
@Entity({ tableName: 'oidc_models' })
@Index({ properties: ['grantId'] })
@Index({ properties: ['userCode'] })
@Index({ properties: ['uid'] })
@Index({ properties: ['model', 'subject', 'createdAt'] })
@Index({ properties: ['expiresAt'] })
export class OidcModel {
  @PrimaryKey({ type: 'string', length: 300 })
  key!: string;

  @Property({ type: 'string', length: 40 })
  model!: string;

  @Property({ type: 'text' })
  payload!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  grantId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  userCode: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  uid: string | null = null;

  /** The provider's account id, `<person id>:<account id>` (see `oidc-accounts.ts`). */
  @Property({ type: 'string', length: 80, nullable: true })
  subject: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  clientId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  consumedAt: Date | null = null;
}
