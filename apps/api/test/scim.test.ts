import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, startTestApp, type TestApp, type TestClient } from './harness.js';

/** One request of a replay file (test/fixtures/scim/*.json), `{{name}}` standing for saved values. */
interface Step {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  status: number;
  expect?: Record<string, unknown>;
  absent?: string[];
  save?: Record<string, string>;
  check?: 'listShape';
}

const SCIM_JSON = 'application/scim+json';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SCIM answers are read by whichever keys each step names
type ScimJson = Record<string, any>;
const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'scim', `${name}.json`), 'utf8')) as { source: string; steps: Step[] };
const fill = <T>(value: T, vars: Record<string, string>): T => JSON.parse(JSON.stringify(value).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => vars[name] ?? `{{${name}}}`)) as T;

const CREATE_TOKEN = 'mutation { createDirectoryToken { secret token { id prefix } } }';
const SETTINGS = 'query { directorySettings { scimUrl people deactivatedPeople groups token { id prefix createdBy } } }';

describe.each(drivers)('SCIM 2.0 provisioning (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let token: string;
  let otherToken: string;

  const scim = async (path: string, init: { method?: string; body?: unknown; token?: string | null } = {}) => {
    const auth: Record<string, string> = init.token === null ? {} : { authorization: `Bearer ${init.token ?? token}` };
    const response = await fetch(`${app.url}/scim/v2${path}`, {
      method: init.method ?? 'GET',
      headers: { ...auth, ...(init.body !== undefined ? { 'content-type': SCIM_JSON } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', json: (text ? JSON.parse(text) : null) as ScimJson };
  };
  const newUser = async (name: string, extra: Record<string, unknown> = {}) => {
    const response = await scim('/Users', {
      method: 'POST',
      body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `${name}@scim.example`, name: { givenName: name, familyName: 'Test' }, emails: [{ type: 'work', value: `${name}@scim.example`, primary: true }], ...extra },
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    return response.json.id as string;
  };
  const patch = (path: string, Operations: unknown[]) => scim(path, { method: 'PATCH', body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations } });

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    token = dataOf(await admin.graphql<{ createDirectoryToken: { secret: string } }>(CREATE_TOKEN)).createDirectoryToken.secret;
    const other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    otherToken = dataOf(await other.graphql<{ createDirectoryToken: { secret: string } }>(CREATE_TOKEN)).createDirectoryToken.secret;
  });
  afterAll(() => app?.close());

  it('makes the token for the primary admin only, shows it once, stores its hash, and rotates', async () => {
    expect(token).toMatch(/^sw_scim_[A-Za-z0-9_-]{43}$/);
    const stored = await app.sql<{ token_hash: string }>('select token_hash from directory_tokens');
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
    const secondary = app.client();
    dataOf(await secondary.signIn('maja.horvat@kolektor-gradnje.si'));
    expect(errorOf(await secondary.graphql(CREATE_TOKEN)).extensions?.code).toBe('FORBIDDEN');
    const settings = dataOf(await admin.graphql<{ directorySettings: { scimUrl: string; token: { prefix: string } } }>(SETTINGS)).directorySettings;
    expect(settings.scimUrl).toMatch(/\/scim\/v2$/);
    expect(token.startsWith(settings.token.prefix)).toBe(true);
    // Rotation: a new token works, the old one is a SCIM 401 at once.
    const rotated = dataOf(await admin.graphql<{ createDirectoryToken: { secret: string } }>(CREATE_TOKEN)).createDirectoryToken.secret;
    const old = await scim('/Users?count=1', { token });
    expect(old.status).toBe(401);
    expect(old.json).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    token = rotated;
    expect((await scim('/Users?count=1')).status).toBe(200);
  });

  it('answers the discovery endpoints in application/scim+json', async () => {
    const config = await scim('/ServiceProviderConfig');
    expect(config.type).toContain(SCIM_JSON);
    expect(config.json).toMatchObject({ patch: { supported: true }, bulk: { supported: false }, filter: { supported: true }, authenticationSchemes: [{ type: 'oauthbearertoken' }] });
    const types = await scim('/ResourceTypes');
    expect(types.json.Resources.map((type: { id: string }) => type.id)).toEqual(['User', 'Group']);
    const schemas = await scim('/Schemas');
    expect(schemas.json.Resources.map((schema: { id: string }) => schema.id)).toContain('urn:ietf:params:scim:schemas:core:2.0:User');
    expect((await scim('/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group')).json.name).toBe('Group');
  });

  for (const name of ['entra', 'okta']) {
    it(`replays ${name}'s documented requests`, async () => {
      const vars: Record<string, string> = { unique: randomUUID().slice(0, 8) };
      for (const raw of fixture(name).steps) {
        const step = fill(raw, vars);
        const response = await scim(step.path.replace(/ /g, '%20').replace(/"/g, '%22'), { method: step.method, body: step.body });
        expect(response.status, `${name}: ${step.name}: ${JSON.stringify(response.json)}`).toBe(step.status);
        if (response.json) expect(response.type, step.name).toContain(SCIM_JSON);
        if (step.expect) expect(response.json, `${name}: ${step.name}`).toMatchObject(step.expect);
        for (const key of step.absent ?? []) expect(response.json, `${name}: ${step.name}`).not.toHaveProperty(key);
        if (step.check === 'listShape') expect(Array.isArray(response.json.Resources)).toBe(true);
        for (const [variable, key] of Object.entries(step.save ?? {})) vars[variable] = String(response.json[key]);
      }
    });
  }

  it('refuses bad input in the SCIM Error schema, writing nothing', async () => {
    const before = await app.sql<{ n: number }>('select count(*) as n from directory_people');
    const noToken = await scim('/Users', { token: null });
    expect(noToken.status).toBe(401);
    expect(noToken.json.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect((await scim('/Users', { token: 'sw_scim_nonsense' })).status).toBe(401);
    // A personal API token is no SCIM token.
    expect((await scim('/Users', { token: 'sw_pat_xyz' })).status).toBe(401);

    const malformed = await scim(`/Users?filter=${encodeURIComponent('userName eq "unterminated')}`);
    expect(malformed).toMatchObject({ status: 400, json: { scimType: 'invalidFilter', status: '400' } });
    for (const filter of ['userName co "a"', 'userName eq "a" or userName eq "b"', 'title eq "x"', 'not (userName eq "a")', 'emails[type eq "home"].value eq "a@b.c"']) {
      const refused = await scim(`/Users?filter=${encodeURIComponent(filter)}`);
      expect(refused.json, filter).toMatchObject({ scimType: 'invalidFilter' });
      expect(refused.json.Resources).toBeUndefined();
    }
    expect((await scim(`/Groups?filter=${encodeURIComponent('displayName sw "a"')}`)).json.scimType).toBe('invalidFilter');

    const unknown = await scim('/Bulk', { method: 'POST', body: {} });
    expect(unknown).toMatchObject({ status: 404, json: { scimType: 'invalidPath' } });
    expect(unknown.type).toContain(SCIM_JSON);
    const missing = await scim(`/Users/${randomUUID()}`);
    expect(missing).toMatchObject({ status: 404, json: { status: '404', schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] } });

    const id = await newUser('badinput');
    const badPath = await patch(`/Users/${id}`, [{ op: 'replace', path: 'favouriteColour', value: 'blue' }]);
    expect(badPath).toMatchObject({ status: 400, json: { scimType: 'invalidPath' } });
    const duplicate = await scim('/Users', { method: 'POST', body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'BADINPUT@scim.example' } });
    expect(duplicate).toMatchObject({ status: 409, json: { scimType: 'uniqueness' } });

    // Another account's token sees nothing of this one and cannot change it.
    const foreign = await scim(`/Users/${id}`, { token: otherToken });
    expect(foreign.status).toBe(404);
    const foreignPatch = await scim(`/Users/${id}`, { token: otherToken, method: 'PATCH', body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] } });
    expect(foreignPatch.status).toBe(404);
    expect((await scim(`/Users?filter=${encodeURIComponent('userName eq "badinput@scim.example"')}`, { token: otherToken })).json.totalResults).toBe(0);
    expect((await scim(`/Users/${id}`)).json.active).toBe(true);
    const after = await app.sql<{ n: number }>('select count(*) as n from directory_people');
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
  });

  it('pages in a stable order with startIndex and count, and honours attributes', async () => {
    for (const n of [1, 2, 3]) await newUser(`paging${n}`);
    const all = await scim('/Users?count=200');
    const ids = all.json.Resources.map((user: { id: string }) => user.id);
    const first = await scim('/Users?startIndex=1&count=2');
    const second = await scim('/Users?startIndex=3&count=2');
    expect(first.json).toMatchObject({ totalResults: all.json.totalResults, startIndex: 1, itemsPerPage: 2 });
    expect([...first.json.Resources, ...second.json.Resources].map((user: { id: string }) => user.id)).toEqual(ids.slice(0, 4));
    expect((await scim('/Users?count=0')).json).toMatchObject({ totalResults: all.json.totalResults, Resources: [] });
    expect((await scim('/Users?count=x')).json.scimType).toBe('invalidValue');
    const only = await scim(`/Users?filter=${encodeURIComponent('userName eq "paging1@scim.example"')}&attributes=userName`);
    expect(Object.keys(only.json.Resources[0]).sort()).toEqual(['id', 'schemas', 'userName']);
    const without = await scim(`/Users/${ids[0]}?excludedAttributes=emails,groups`);
    expect(without.json).not.toHaveProperty('emails');
    expect(without.json).toHaveProperty('userName');
  });

  it('deactivation releases seats at once, ends sessions, audits as the directory; reactivation restores the seats still free', async () => {
    const id = await newUser('leaver');
    const subscriptions = dataOf(await admin.graphql<{ assignableSubscriptions: { id: string; name: string; available: number }[] }>('query { assignableSubscriptions { id name available } }')).assignableSubscriptions;
    const [withRoom, tight] = subscriptions.filter((s) => s.available > 0);
    expect(withRoom && tight).toBeTruthy();
    for (const subscription of [withRoom!, tight!]) {
      dataOf(await admin.graphql('mutation($input: AssignSeatInput!) { assignSeat(input: $input) { id } }', { input: { userId: id, subscriptionId: subscription.id } }));
    }
    const seatsOf = async () => (await app.sql<{ subscription_id: string }>('select subscription_id from seat_assignments where user_id = ?', [id])).map((row) => row.subscription_id);
    expect((await seatsOf()).length).toBe(2);

    const off = await patch(`/Users/${id}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(off.json.active).toBe(false);
    expect(off.json['urn:seatwise:params:scim:schemas:extension:seats:2.0:User'].released).toHaveLength(2);
    expect(await seatsOf()).toEqual([]);
    expect((await scim(`/Users/${id}`)).json.active).toBe(false);
    const status = await app.sql<{ status: string }>('select status from memberships where user_id = ?', [id]);
    expect(status[0]!.status).toBe('INACTIVE');

    const audit = await app.sql<{ actor_id: string | null; actor_kind: string | null; summary: string }>("select actor_id, actor_kind, summary from audit_entries where action = 'directory.user.deactivate' and target_id = ?", [id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: null, actor_kind: 'DIRECTORY' });
    expect(audit[0]!.summary).toMatch(/2 seats released, \d+ sessions ended, \d+ tokens and \d+ home-use activations revoked/);
    const log = dataOf(await admin.graphql<{ auditLog: { edges: { node: { byDirectory: boolean; actorName: string | null } }[] } }>(
      'query { auditLog(first: 1, filter: { actions: ["directory.user.deactivate"] }) { edges { node { byDirectory actorName } } } }',
    )).auditLog;
    expect(log.edges[0]!.node).toEqual({ byDirectory: true, actorName: null });

    // Someone else takes the last free seats of `tight` meanwhile: that one cannot come back.
    const free = dataOf(await admin.graphql<{ assignableSubscriptions: { id: string; available: number }[] }>('query { assignableSubscriptions { id available } }')).assignableSubscriptions.find((s) => s.id === tight!.id)!.available;
    const fillers: string[] = [];
    for (let n = 0; n < free; n++) fillers.push(await newUser(`filler${n}`));
    if (fillers.length) {
      dataOf(await admin.graphql('mutation($input: BulkAssignSeatsInput!) { bulkAssignSeats(input: $input) { assigned } }', { input: { userIds: fillers, subscriptionId: tight!.id } }).catch(() => ({ data: {} })));
    }
    const on = await patch(`/Users/${id}`, [{ op: 'replace', value: { active: true } }]);
    expect(on.json.active).toBe(true);
    const report = on.json['urn:seatwise:params:scim:schemas:extension:seats:2.0:User'];
    expect(report.restored).toContain(withRoom!.id);
    expect(await seatsOf()).toContain(withRoom!.id);
    if (fillers.length) expect(report.notRestored.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([tight!.id]);

    // DELETE is a deactivation too: the person stays readable.
    expect((await scim(`/Users/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await seatsOf()).toEqual([]);
    expect((await scim(`/Users/${id}`)).json.active).toBe(false);
  });

  it('refuses to deactivate the primary admin', async () => {
    const primary = await app.sql<{ user_id: string }>("select m.user_id from memberships m where m.email = 'admin@example.com'");
    // The directory takes the existing member over.
    const adopted = await scim('/Users', { method: 'POST', body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'admin@example.com' } });
    expect(adopted.status).toBe(201);
    expect(adopted.json.id).toBe(primary[0]!.user_id);
    const refused = await patch(`/Users/${adopted.json.id}`, [{ op: 'replace', path: 'active', value: false }]);
    expect(refused).toMatchObject({ status: 400, json: { scimType: 'mutability' } });
    expect((await scim(`/Users/${adopted.json.id}`)).json.active).toBe(true);
  });

  it('maps groups to teams and never loses members under concurrent PATCHes', async () => {
    const people: string[] = [];
    for (let n = 0; n < 12; n++) people.push(await newUser(`racer${n}`));
    const group = await scim('/Groups', { method: 'POST', body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Racers' } });
    expect(group.status).toBe(201);
    const teams = await app.sql<{ id: string }>("select id from teams where name = 'Racers'");
    expect(teams).toHaveLength(1);
    const results = await Promise.all(people.map((person) => patch(`/Groups/${group.json.id}`, [{ op: 'add', path: 'members', value: [{ value: person }] }])));
    expect(results.map((result) => result.status)).toEqual(people.map(() => 200));
    const members = (await scim(`/Groups/${group.json.id}`)).json.members.map((member: { value: string }) => member.value);
    expect(members.sort()).toEqual([...people].sort());
    const inTeam = await app.sql<{ user_id: string }>('select user_id from memberships where team_id = ?', [teams[0]!.id]);
    expect(inTeam.map((row) => row.user_id).sort()).toEqual([...people].sort());

    // Concurrent removals and additions: each applies its own delta.
    const [gone, ...stay] = people;
    const extra = await newUser('latecomer');
    await Promise.all([
      patch(`/Groups/${group.json.id}`, [{ op: 'remove', path: `members[value eq "${gone}"]` }]),
      patch(`/Groups/${group.json.id}`, [{ op: 'add', path: 'members', value: [{ value: extra }] }]),
    ]);
    const now = (await scim(`/Groups/${group.json.id}`)).json.members.map((member: { value: string }) => member.value);
    expect(now.sort()).toEqual([...stay, extra].sort());
    const goneTeam = await app.sql<{ team_id: string | null }>('select team_id from memberships where user_id = ?', [gone]);
    expect(goneTeam[0]!.team_id).toBeNull();
    // A member that is not this directory's person is refused, nothing written.
    const unknown = await patch(`/Groups/${group.json.id}`, [{ op: 'add', path: 'members', value: [{ value: randomUUID() }] }]);
    expect(unknown).toMatchObject({ status: 400, json: { scimType: 'invalidValue' } });
    expect((await patch(`/Groups/${group.json.id}`, [{ op: 'add', path: 'owners', value: [] }])).json.scimType).toBe('invalidPath');
    const settings = dataOf(await admin.graphql<{ directorySettings: { people: number; groups: number } }>(SETTINGS)).directorySettings;
    expect(settings.groups).toBeGreaterThanOrEqual(1);
  });
  it('lets the primary admin map a pushed group to another team: its members move, later joiners follow', async () => {
    const [first, second] = [await newUser('mapped1'), await newUser('mapped2')];
    const group = await scim('/Groups', { method: 'POST', body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Mapped', members: [{ value: first }] } });
    const teams = dataOf(await admin.graphql<{ teams: { edges: { node: { id: string; name: string } }[] } }>('query { teams(first: 50) { edges { node { id name } } } }')).teams.edges.map((edge) => edge.node);
    const target = teams.find((team) => team.name !== 'Mapped')!;
    const MAP = 'mutation($groupId: UUID!, $teamId: UUID) { mapDirectoryGroup(groupId: $groupId, teamId: $teamId) { id displayName memberCount teamId teamName } }';
    const mapped = dataOf(await admin.graphql<{ mapDirectoryGroup: { teamId: string; memberCount: number } }>(MAP, { groupId: group.json.id, teamId: target.id })).mapDirectoryGroup;
    expect(mapped).toMatchObject({ teamId: target.id, memberCount: 1 });
    await patch(`/Groups/${group.json.id}`, [{ op: 'add', path: 'members', value: [{ value: second }] }]);
    const inTeam = await app.sql<{ user_id: string }>('select user_id from memberships where team_id = ? and user_id in (?, ?)', [target.id, first, second]);
    expect(inTeam.map((row) => row.user_id).sort()).toEqual([first, second].sort());
    const listed = dataOf(await admin.graphql<{ directoryGroups: { totalCount: number; edges: { node: { displayName: string; teamName: string } }[] } }>('query { directoryGroups(first: 50) { totalCount edges { node { displayName teamName } } } }')).directoryGroups;
    expect(listed.edges.map((edge) => edge.node)).toContainEqual({ displayName: 'Mapped', teamName: target.name });
    const audit = await app.sql<{ actor_kind: string | null }>("select actor_kind from audit_entries where summary like 'Mapped the directory group Mapped%'");
    expect(audit).toEqual([{ actor_kind: null }]);
    // Another account's admin cannot reach the group.
    const other = app.client();
    dataOf(await other.signIn('admin@alpine.example'));
    expect(errorOf(await other.graphql(MAP, { groupId: group.json.id, teamId: null })).extensions?.code).toBe('NOT_FOUND');
  });
});
