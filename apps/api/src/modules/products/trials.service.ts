import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Trial as TrialType, TrialConnection, TrialOffer } from '@seatwise/schema';
import type { AccountContext } from '../../context.js';
import { InvalidInputError, msg } from '../../errors.js';
import { inTransaction } from '../../common/transaction.js';
import { Product, ProductKind } from '../catalog/product.entity.js';
import { User } from '../identity/user.entity.js';
import { isOffered } from '../catalog/catalog-rules.js';
import { loadEntitlements } from './entitlements.js';
import { recordProductAudit } from '../audit/audit.service.js';
import { toTrial } from './product-mapping.js';
import { Trial } from './trial.entity.js';
import { entityConnection, LATEST_FIRST, type PageArgs } from '../../common/keyset.js';

/** Products an active subscription already lets the person download. */
async function licensedProductIds(ctx: AccountContext): Promise<Set<string>> {
  const entitlements = await loadEntitlements(ctx);
  return new Set(
    entitlements.filter((entitlement) => entitlement.versions.some((grant) => grant.subscription !== null)).map((entitlement) => entitlement.product.id),
  );
}

/** F-26 "Trials": every software product, and whether the person has used their one trial of it. */
export async function listTrialOffers(ctx: AccountContext): Promise<TrialOffer[]> {
  // Only what can be tried: a trial offer and a version customers are offered.
  const products = (
    await ctx.em.find(Product, { kind: ProductKind.SOFTWARE, trialDays: { $ne: null } }, { populate: ['versions'], orderBy: { name: 'asc' } })
  ).filter((product) => product.versions.getItems().some(isOffered));
  const started = new Set(
    (await ctx.em.find(Trial, { user: ctx.viewer.userId }, { fields: ['product'] })).map((trial) => trial.product.id),
  );
  const licensed = await licensedProductIds(ctx);
  return products.map((product) => ({
    productId: product.id,
    productName: product.name,
    description: product.description,
    days: product.trialDays!,
    started: started.has(product.id),
    licensed: licensed.has(product.id),
  }));
}

/** F-26 "Active Trials" (ended ones too, marked inactive), newest first. */
export async function listTrials(ctx: AccountContext, page: PageArgs): Promise<TrialConnection> {
  const now = ctx.config.now();
  return entityConnection(ctx.em, Trial, { user: ctx.viewer.userId }, LATEST_FIRST, page, (trials) => trials.map((trial) => toTrial(trial, now)), {
    populate: ['product', 'product.versions'],
  });
}

/** Starts a trial of a software product: once per person and product, ever. */
export async function startTrial(ctx: AccountContext, productId: string): Promise<TrialType> {
  const product = await ctx.em.findOne(Product, { id: productId }, { populate: ['versions'] });
  if (!product) throw new InvalidInputError('productId', msg('This product does not exist.'));
  if (product.kind !== ProductKind.SOFTWARE || !product.versions.getItems().some(isOffered)) {
    throw new InvalidInputError('productId', msg('{product} is a cloud service: there is nothing to try out.', { product: product.name }));
  }
  const days = product.trialDays;
  if (days === null) throw new InvalidInputError('productId', msg('{product} is not offered as a trial.', { product: product.name }));
  if ((await licensedProductIds(ctx)).has(product.id)) {
    throw new InvalidInputError('productId', msg('You already have a licence for {product}: there is no need for a trial.', { product: product.name }));
  }
  const now = ctx.config.now();
  const exists = await ctx.em.count(Trial, { user: ctx.viewer.userId, product: product.id });
  if (exists > 0) throw new InvalidInputError('productId', msg('You have already used your trial of {product}.', { product: product.name }));
  try {
    const trial = await inTransaction(ctx, async (tx) => {
      const created = tx.em.create(Trial, {
        account: ctx.viewer.accountId,
        user: tx.em.getReference(User, ctx.viewer.userId),
        product,
        createdAt: now,
        endsAt: new Date(now.getTime() + days * 86_400_000),
      });
      recordProductAudit(tx.em, {
        accountId: ctx.viewer.accountId,
        actorId: ctx.viewer.userId,
        action: 'trial.start',
        targetType: 'Trial',
        targetId: created.id,
        summary: msg('Started a {days}-day trial of {product}', { days, product: product.name }),
      });
      return created;
    });
    return toTrial(trial, now);
  } catch (error) {
    // Two clicks at once: the unique key lets only one trial in.
    if (error instanceof UniqueConstraintViolationException) {
      throw new InvalidInputError('productId', msg('You have already used your trial of {product}.', { product: product.name }));
    }
    throw error;
  }
}
