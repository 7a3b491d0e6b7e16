import { AppError, type Message, NotFoundError } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an id names: one of NotFoundError's things, or its own sentence for anything else. */
export type Missing = ConstructorParameters<typeof NotFoundError>[0] | Message;

/** Every id is a UUID: anything else names nothing (and would make PostgreSQL reject the statement). */
export function requireId(id: string, what: Missing, field: string): string {
  if (!UUID.test(id)) throw typeof what === 'string' ? new NotFoundError(what, field) : new AppError('NOT_FOUND', what, field);
  return id;
}
