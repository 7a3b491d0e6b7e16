import { canonicalUuid } from '@seatwise/schema';
import { NotFoundError } from '../errors.js';

/**
 * For ids that arrive outside GraphQL's `UUID` scalar (the REST exports' query strings): anything
 * that is not a UUID names nothing (and would make PostgreSQL reject the statement).
 */
export function requireId(id: string, what: ConstructorParameters<typeof NotFoundError>[0], field: string): string {
  const uuid = canonicalUuid(id);
  if (uuid === null) throw new NotFoundError(what, field);
  return uuid;
}
