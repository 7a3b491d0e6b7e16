import { NotFoundError } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id is a UUID: anything else names nothing (and would make PostgreSQL reject the statement). */
export function requireId(id: string, what: ConstructorParameters<typeof NotFoundError>[0], field: string): string {
  if (!UUID.test(id)) throw new NotFoundError(what, field);
  return id;
}
