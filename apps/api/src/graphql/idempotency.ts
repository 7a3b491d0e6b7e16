import { Arg, type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { principalKey, requestedKey, requestHash, runOnce } from '../modules/idempotency/idempotency.service.js';

/** The argument's position among the method's parameters: after every real one, so the method never sees it. */
const KEY_PARAMETER_INDEX = 1_000;

const runIdempotently =
  (preconditions: readonly string[]): MiddlewareFn<RequestContext> =>
  async ({ context, args, info }, next) => {
    const key = requestedKey(args.idempotencyKey, context.req.headers['idempotency-key']);
    const principal = key && principalKey(context);
    if (!key || !principal) return next();
    const request = { principal, key, operation: info.fieldName, requestHash: requestHash(info.fieldName, args, preconditions) };
    return runOnce(context, request, async (tx) => {
      // The resolver reads the request context, so it gets the key's transaction for the call: the
      // service's own transaction becomes a savepoint of it, and key, change and result commit together.
      const outer = context.em;
      context.em = tx.em;
      try {
        return await next();
      } finally {
        context.em = outer;
      }
    });
  };

export interface IdempotentOptions {
  /**
   * Input fields that are a precondition of the change, not part of what is asked (`expectedVersion`):
   * left out of the request's hash, so a replay that reads the version anew (it has moved on since)
   * still gets the first answer. The first call is still refused when the version is stale.
   */
  preconditions?: readonly string[];
}

/**
 * `@Idempotent()` on a create or change (below its `@Mutation`): the mutation takes an optional
 * `idempotencyKey` argument, or the request's `Idempotency-Key` header, and runs once per key and
 * principal (`modules/idempotency/idempotency.service.ts`: the key, a hash of the operation and
 * its arguments, and the result are stored in the change's transaction for 24 hours). The service
 * method is unchanged: its own transaction runs inside the key's.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return (target, key, descriptor) => {
    Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        "Makes the call safe to repeat: the caller's id for this change (e.g. the billing system's event id), or send the Idempotency-Key header. The same key with the same arguments within 24 hours returns the first result and changes nothing; with other arguments it is IDEMPOTENCY_CONFLICT." +
        (options.preconditions?.length
          ? ` ${options.preconditions.map((name) => `\`${name}\``).join(', ')} is only checked on the first call: a replay that reads it anew still gets the first result.`
          : ''),
    })(target, key as string, KEY_PARAMETER_INDEX);
    UseMiddleware(runIdempotently(options.preconditions ?? []))(target, key, descriptor);
  };
}
