import { ImportRowReason, ImportRowStatus, MembershipStatus, Role } from '@seatwise/schema';
import { type Message, msg } from '../../../errors.js';
import { checkPerson, type PersonFields } from '../person-rules.js';
import type { CsvPerson } from './csv-file.js';

/** A person the file names who already has a user (and maybe a membership of this account). */
export interface ExistingPerson {
  userId: string;
  /** The names this account sees (its membership's); none when the person is not of the account. */
  firstName: string | null;
  lastName: string | null;
  /** Invited and not yet accepted: the names are still the account's own to fix. */
  pending: boolean;
  membershipStatus: MembershipStatus | null;
  role: Role | null;
  teamId: string | null;
  /** Subscriptions the person holds a seat of. */
  seats: Set<string>;
}

export interface SeatPool {
  id: string;
  name: string;
  /** Seats still free, counted down as the plan hands them out. */
  remaining: number;
  /** Lower-cased names a cell may use for it: its own name, its products' codes and names. */
  names: Set<string>;
}

export interface ImportWorld {
  existing: Map<string, ExistingPerson>;
  /** Lower-cased team name → id. */
  teams: Map<string, string>;
  pools: SeatPool[];
}

export interface PlannedRow {
  line: number;
  email: string;
  status: ImportRowStatus;
  field: string | null;
  /** Rendered in the request's language when the report is answered. */
  message: Message | null;
  reason: ImportRowReason | null;
  detail: string | null;
  person?: PersonFields;
  role?: Role;
  teamId?: string | null;
  /** Subscription ids to give the person a seat of. */
  newSeats?: string[];
  existing?: ExistingPerson;
  /** What an UPDATE changes. */
  changes?: { role?: boolean; team?: boolean; name?: boolean };
}

const roleNames: Record<string, Role> = {
  user: Role.USER,
  uporabnik: Role.USER,
  secondaryadmin: Role.SECONDARY_ADMIN,
  sekundarniskrbnik: Role.SECONDARY_ADMIN,
  admin: Role.SECONDARY_ADMIN,
  primaryadmin: Role.PRIMARY_ADMIN,
  primarniskrbnik: Role.PRIMARY_ADMIN,
};

const error = (row: CsvPerson, field: string, reason: ImportRowReason, message: Message, detail: string | null = null): PlannedRow => ({
  line: row.line,
  email: row.email,
  status: ImportRowStatus.ERROR,
  field,
  message,
  reason,
  detail,
});

/** The seats a row needs: for each product, one the person holds already, else a pool with a free seat. */
function pickSeats(row: CsvPerson, world: ImportWorld, held: Set<string>): { seats: string[] } | { error: PlannedRow } {
  const seats: string[] = [];
  for (const product of row.products) {
    const key = product.toLowerCase();
    const candidates = world.pools.filter((pool) => pool.names.has(key));
    if (candidates.length === 0) return { error: error(row, 'products', ImportRowReason.UNKNOWN_PRODUCT, msg('Unknown product "{product}": use a subscription or product name of this account.', { product }), product) };
    if (candidates.some((pool) => held.has(pool.id) || seats.includes(pool.id))) continue;
    const pool = candidates.find((candidate) => candidate.remaining - seats.filter((id) => id === candidate.id).length > 0);
    if (!pool) return { error: error(row, 'products', ImportRowReason.NO_SEAT_LEFT, msg('No seat of {subscription} is left.', { subscription: candidates[0]!.name }), candidates[0]!.name) };
    seats.push(pool.id);
  }
  return { seats };
}

/**
 * Decides, row by row and in file order, what importing each row does. Pure: it only reads
 * `world` and counts seats down in its pools, so preview and commit reach the same answer.
 */
export function planImport(rows: CsvPerson[], world: ImportWorld): PlannedRow[] {
  const firstLine = new Map<string, number>();
  return rows.map((row): PlannedRow => {
    const checked = checkPerson(row);
    if ('error' in checked) return error(row, checked.error.field, checked.error.reason, checked.error.message, row.email.trim() || null);
    const person = checked.person;
    const duplicate = firstLine.get(person.email);
    if (duplicate) return error(row, 'email', ImportRowReason.DUPLICATE_IN_FILE, msg('Duplicate in file: {email} is already on line {line}.', { email: person.email, line: duplicate }), String(duplicate));
    firstLine.set(person.email, row.line);

    const existing = world.existing.get(person.email);
    const member = existing?.membershipStatus === MembershipStatus.ACTIVE || existing?.membershipStatus === MembershipStatus.INVITED ? existing : undefined;

    let role = member?.role ?? Role.USER;
    if (row.role) {
      const named = roleNames[row.role.toLowerCase().replace(/[\s_-]/g, '')];
      if (!named) return error(row, 'role', ImportRowReason.UNKNOWN_ROLE, msg('Unknown role "{role}": use User or Secondary admin.', { role: row.role }), row.role);
      if (named === Role.PRIMARY_ADMIN && member?.role !== Role.PRIMARY_ADMIN) {
        return error(row, 'role', ImportRowReason.PRIMARY_ADMIN_ROLE, msg('There is exactly one primary admin: the role changes only by handover.'));
      }
      if (member?.role === Role.PRIMARY_ADMIN && named !== Role.PRIMARY_ADMIN) {
        return error(row, 'role', ImportRowReason.PRIMARY_ADMIN_ROLE, msg("The primary admin's role changes only when they hand it over."));
      }
      role = named;
    }
    let teamId = member?.teamId ?? null;
    if (row.team) {
      const found = world.teams.get(row.team.toLowerCase());
      if (!found) return error(row, 'team', ImportRowReason.UNKNOWN_TEAM, msg('Unknown team "{team}": create it first or correct the name.', { team: row.team }), row.team);
      teamId = found;
    }
    const picked = pickSeats(row, world, member?.seats ?? new Set());
    if ('error' in picked) return picked.error;
    for (const id of picked.seats) world.pools.find((pool) => pool.id === id)!.remaining -= 1;

    const base = { line: row.line, email: row.email, field: null, person, role, teamId, newSeats: picked.seats, existing };
    const none = { message: null, reason: null, detail: null };
    if (!member) return { ...base, ...none, status: ImportRowStatus.CREATE };
    const changes = {
      role: role !== member.role,
      team: teamId !== member.teamId,
      // Names belong to the person once they have accepted; until then the file may fix what this account typed.
      name: member.pending && (person.firstName !== member.firstName || person.lastName !== member.lastName),
    };
    const changed = [changes.role && 'role', changes.team && 'team', changes.name && 'name', picked.seats.length > 0 && 'products'].filter(Boolean);
    if (changed.length === 0) return { ...base, ...none, status: ImportRowStatus.UNCHANGED };
    return { ...base, status: ImportRowStatus.UPDATE, message: msg('Changes {columns}.', { columns: changed.join(', ') }), reason: ImportRowReason.CHANGES, detail: changed.join(','), changes };
  });
}
