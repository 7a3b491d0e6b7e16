import { parse as parseFilterText, type Filter } from 'scim2-parse-filter';

/** The SCIM 2.0 URNs Seatwise speaks (RFC 7643, RFC 7644). */
export const SCIM = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  seats: 'urn:seatwise:params:scim:schemas:extension:seats:2.0:User',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
} as const;

export const SCIM_CONTENT_TYPE = 'application/scim+json';

/** The `scimType` values of RFC 7644 §3.12 Seatwise answers with. */
export type ScimType = 'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'sensitive';

/** A refusal in the SCIM Error schema: the router writes `{ schemas, status, scimType, detail }`. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | null,
    detail: string,
  ) {
    super(detail);
  }

  body() {
    return { schemas: [SCIM.error], status: String(this.status), ...(this.scimType ? { scimType: this.scimType } : {}), detail: this.message };
  }
}

export const notFound = (what: string) => new ScimError(404, null, `${what} not found.`);

/** One supported condition of a filter: `attr eq "value"`. */
export interface ScimCondition {
  attr: 'username' | 'externalid' | 'email' | 'displayname' | 'id' | 'member';
  value: string;
}

const stripCore = (path: string) => path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i, '').toLowerCase();

/**
 * A filter as conditions that all must hold: only `eq` joined by `and`, on the attributes the
 * resource allows (RFC 7644 §3.4.2.2). Anything else is `invalidFilter`, never ignored.
 */
export function parseScimFilter(text: string, allowed: readonly ScimCondition['attr'][]): ScimCondition[] {
  let tree: Filter;
  try {
    tree = parseFilterText(text);
  } catch (error) {
    throw new ScimError(400, 'invalidFilter', `The filter could not be read: ${(error as Error).message}`);
  }
  const conditions: ScimCondition[] = [];
  const unsupported = (why: string) => new ScimError(400, 'invalidFilter', `Unsupported filter: ${why}. Seatwise supports eq and and on ${allowed.join(', ')}.`);
  const visit = (node: Filter): void => {
    if (node.op === 'and') return node.filters.forEach(visit);
    if (node.op === '[]') {
      // emails[type eq "work"] narrows to the work email, the only kind Seatwise keeps;
      // emails[value eq "x"] is the address itself.
      const inner = node.valFilter;
      if (stripCore(node.attrPath) === 'emails' && inner.op === 'eq' && typeof inner.compValue === 'string') {
        const sub = inner.attrPath.toLowerCase();
        if (sub === 'type' && inner.compValue.toLowerCase() === 'work') return;
        if (sub === 'value') return visit({ op: 'eq', attrPath: 'emails.value', compValue: inner.compValue });
      }
      if (stripCore(node.attrPath) === 'members' && inner.op === 'eq' && inner.attrPath.toLowerCase() === 'value' && typeof inner.compValue === 'string') {
        return visit({ op: 'eq', attrPath: 'members.value', compValue: inner.compValue });
      }
      throw unsupported(`${node.attrPath}[…]`);
    }
    if (node.op !== 'eq') throw unsupported(`the operator ${node.op}`);
    if (typeof node.compValue !== 'string') throw unsupported(`a value that is not a string on ${node.attrPath}`);
    const path = stripCore(node.attrPath);
    const attr = ({ username: 'username', externalid: 'externalid', 'emails.value': 'email', emails: 'email', displayname: 'displayname', id: 'id', members: 'member', 'members.value': 'member' } as const)[path];
    if (!attr || !allowed.includes(attr)) throw unsupported(`the attribute ${node.attrPath}`);
    conditions.push({ attr, value: node.compValue });
  };
  visit(tree);
  return conditions;
}

/** `startIndex` and `count` of a list request (RFC 7644 §3.4.2.4): 1-based, at most `max` a page. */
export function pageOf(query: Record<string, unknown>, max = 200): { startIndex: number; count: number } {
  const integer = (value: unknown, name: string, fallback: number) => {
    if (value === undefined || value === '') return fallback;
    const text = String(value);
    if (!/^-?\d+$/.test(text)) throw new ScimError(400, 'invalidValue', `${name} must be an integer.`);
    return Number(text);
  };
  const startIndex = Math.max(1, integer(query.startIndex, 'startIndex', 1));
  const count = Math.min(max, Math.max(0, integer(query.count, 'count', 100)));
  return { startIndex, count };
}

const listOf = (value: unknown): string[] | null =>
  typeof value === 'string' && value.trim() ? value.split(',').map((part) => stripCore(part.trim())).filter(Boolean) : null;

/**
 * `attributes` / `excludedAttributes` (RFC 7644 §3.9) over top-level attributes (a sub-attribute
 * keeps its parent); `id` and `schemas` always come back.
 */
export function project(resource: Record<string, unknown>, query: Record<string, unknown>): Record<string, unknown> {
  const only = listOf(query.attributes);
  const excluded = listOf(query.excludedAttributes);
  if (!only && !excluded) return resource;
  const top = (name: string) => name.split('.')[0]!;
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => {
      const name = key.toLowerCase();
      if (name === 'id' || name === 'schemas') return true;
      if (only) return only.some((wanted) => top(wanted) === name || wanted === name);
      return !excluded!.some((unwanted) => unwanted === name);
    }),
  );
}

/** `"True"`, `"false"` and other spellings Entra sends for a boolean. */
export function booleanOf(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw new ScimError(400, 'invalidValue', `${name} must be true or false.`);
}

/** The attributes a User may carry (core and enterprise); a PATCH path outside them is `invalidPath`. */
export const userAttributes = new Set([
  'username', 'name', 'displayname', 'nickname', 'profileurl', 'title', 'usertype', 'preferredlanguage', 'locale', 'timezone', 'active',
  'password', 'emails', 'phonenumbers', 'ims', 'photos', 'addresses', 'entitlements', 'roles', 'x509certificates', 'externalid',
]);
