import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, drivers, errorOf, nodesOf, type Page, startTestApp, type TestApp, type TestClient, TODAY } from './harness.js';
import { rest } from './rest.js';

interface UserNode {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  role: string;
  status: string;
  team: { id: string; name: string } | null;
  joinedAt: string;
}

interface UsersPage {
  users: {
    totalCount: number;
    edges: { cursor: string; node: UserNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const USERS = `
  query Users($first: Int, $after: String, $filter: UsersFilter, $orderBy: UsersOrder) {
    users(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id email firstName lastName name role status team { id name } joinedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const SORT_FIELDS = ['NAME', 'EMAIL', 'ROLE', 'STATUS', 'JOINED_AT'] as const;
const ROLE_RANK: Record<string, number> = { USER: 0, SECONDARY_ADMIN: 1, PRIMARY_ADMIN: 2 };
const STATUS_RANK: Record<string, number> = { ACTIVE: 0, INVITED: 1, INACTIVE: 2 };

/** Walks every page of a list and checks the pages join up: no duplicates, no gaps, a clean end. */
async function allUsers(client: TestClient, variables: Record<string, unknown> = {}, first = 7) {
  const nodes: UserNode[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pageNumber = 0; pageNumber < 100; pageNumber += 1) {
    const page: UsersPage = dataOf(await client.graphql<UsersPage>(USERS, { ...variables, first, after }));
    const users = page.users;
    totalCount = users.totalCount;
    nodes.push(...users.edges.map((edge) => edge.node));
    if (!users.pageInfo.hasNextPage) {
      expect(users.edges.length).toBeLessThanOrEqual(first);
      break;
    }
    expect(users.edges).toHaveLength(first);
    expect(users.pageInfo.endCursor).toBe(users.edges.at(-1)?.cursor);
    after = users.pageInfo.endCursor;
  }
  expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
  expect(nodes).toHaveLength(totalCount);
  return nodes;
}

describe.each(drivers)('users list F-40 (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let accountId: string;
  /** Every active or invited user of the main account, as the default list shows them. */
  let everyone: UserNode[];

  const count = async (where: string, params: unknown[] = []) => {
    const [row] = await app.sql<{ total: number | string }>(
      `select count(*) as total from memberships m where m.account_id = ? and ${where}`,
      [accountId, ...params],
    );
    return Number(row?.total);
  };

  /** Asks the database itself whether each pair is in order, so its collation is the judge. */
  const inDatabaseOrder = async (values: string[], descending: boolean) => {
    const pairs = values.slice(1).map((value, index) => (descending ? [value, values[index]!] : [values[index]!, value]));
    if (pairs.length === 0) return true;
    const [row] = await app.sql<{ bad: number | string }>(
      `select count(*) as bad from (values ${pairs.map(() => '(?, ?)').join(', ')}) as v where v.column1 > v.column2`,
      pairs.flat(),
    );
    return Number(row?.bad) === 0;
  };

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const [account] = await app.sql<{ id: string }>('select id from accounts where name = ?', ['Kolektor Gradnje d.o.o.']);
    accountId = account!.id;
    everyone = await allUsers(admin, {}, 100);
  });
  afterAll(() => app?.close());

  it('totalCount matches the database and the default list leaves out inactive users', async () => {
    const { users } = dataOf(await admin.graphql<UsersPage>(USERS, { first: 5 }));
    expect(users.totalCount).toBe(await count("m.status in ('ACTIVE', 'INVITED')"));
    expect(users.totalCount).toBeGreaterThanOrEqual(50);
    expect(everyone.some((user) => user.status === 'INACTIVE')).toBe(false);
    expect(await count("m.status = 'INACTIVE'")).toBeGreaterThan(0);
  });

  it.each([
    ['by name', 'NOVAK ana', 'admin@example.com'],
    ['by email', 'HORVAT@Kolektor', 'maja.horvat@kolektor-gradnje.si'],
    ['with diacritics', 'kovač', 'user@example.com'],
    // Words under three letters are counted another way on PostgreSQL (see countQuery).
    ['by short words', 'an no', 'admin@example.com'],
  ])('searches %s, case-insensitive and word by word', async (_label, search, expected) => {
    const found = await allUsers(admin, { filter: { search } });
    expect(found.map((user) => user.email)).toContain(expected);
    expect(dataOf(await admin.graphql<UsersPage>(USERS, { first: 1, filter: { search } })).users.totalCount).toBe(found.length);
    const words = search.toLowerCase().split(/\s+/);
    const matches = (user: UserNode) =>
      words.every((word) => user.name.toLowerCase().includes(word) || user.email.includes(word));
    expect(found.every(matches)).toBe(true);
    expect(found.map((user) => user.id).sort()).toEqual(everyone.filter(matches).map((user) => user.id).sort());
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    const { users } = dataOf(await admin.graphql<UsersPage>(USERS, { filter: { search: '%' } }));
    expect(users.totalCount).toBe(0);
  });

  it('counts a search within a role filter', async () => {
    for (const search of ['kolektor', 'ko']) {
      const found = await allUsers(admin, { filter: { search, roles: ['USER'] } });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((user) => user.role === 'USER')).toBe(true);
      expect(dataOf(await admin.graphql<UsersPage>(USERS, { first: 1, filter: { search, roles: ['USER'] } })).users.totalCount).toBe(found.length);
    }
  });

  it('filters by role', async () => {
    const found = await allUsers(admin, { filter: { roles: ['SECONDARY_ADMIN'] } });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((user) => user.role === 'SECONDARY_ADMIN')).toBe(true);
    expect(found).toHaveLength(await count("m.role = 'SECONDARY_ADMIN' and m.status in ('ACTIVE', 'INVITED')"));
  });

  it('filters by status, inactive included only when asked for', async () => {
    const inactive = await allUsers(admin, { filter: { statuses: ['INACTIVE'] } });
    expect(inactive.length).toBeGreaterThan(0);
    expect(inactive.every((user) => user.status === 'INACTIVE')).toBe(true);
    expect(inactive).toHaveLength(await count("m.status = 'INACTIVE'"));
    const invited = await allUsers(admin, { filter: { statuses: ['INVITED'] } });
    expect(invited.length).toBeGreaterThan(0);
    expect(invited.every((user) => user.status === 'INVITED')).toBe(true);
  });

  it('filters by team and by having no team', async () => {
    const teams = await app.sql<{ id: string }>('select id from teams where account_id = ? order by name', [accountId]);
    const teamId = teams[0]!.id;
    const inTeam = await allUsers(admin, { filter: { teamIds: [teamId] } });
    expect(inTeam.length).toBeGreaterThan(0);
    expect(inTeam.every((user) => user.team?.id === teamId)).toBe(true);
    expect(inTeam).toHaveLength(await count("m.team_id = ? and m.status in ('ACTIVE', 'INVITED')", [teamId]));

    const withoutTeam = await allUsers(admin, { filter: { withoutTeam: true } });
    expect(withoutTeam.length).toBeGreaterThan(0);
    expect(withoutTeam.every((user) => user.team === null)).toBe(true);
    const withTeam = await allUsers(admin, { filter: { withoutTeam: false } });
    expect(withTeam.every((user) => user.team !== null)).toBe(true);
    expect(withTeam.length + withoutTeam.length).toBe(everyone.length);
  });

  it('filters by product: seats on running subscriptions, a collection seat counting for each of its products (issue 22, item 6)', async () => {
    const today = TODAY.toISOString().slice(0, 10);
    /** Holders by the database itself: a seat on a running subscription that covers the product. */
    const holders = async (productIds: string[]) =>
      (
        await app.sql<{ user_id: string }>(
          `select distinct sa.user_id from seat_assignments sa
             join subscriptions s on s.id = sa.subscription_id
             join subscription_products sp on sp.subscription_id = s.id
             join memberships m on m.user_id = sa.user_id and m.account_id = sa.account_id
           where sa.account_id = ? and s.state = 'ACTIVE' and s.ends_on >= ? and m.status in ('ACTIVE', 'INVITED')
             and sp.product_id in (${productIds.map(() => '?').join(', ')})`,
          [accountId, today, ...productIds],
        )
      )
        .map((row) => row.user_id)
        .sort();
    const products = await app.sql<{ id: string; code: string }>(
      `select distinct p.id, p.code from products p join subscription_products sp on sp.product_id = p.id where sp.account_id = ? order by p.code`,
      [accountId],
    );
    const byCode = Object.fromEntries(products.map((product) => [product.code, product.id]));
    for (const code of ['DRF', 'STR']) {
      const listed = await allUsers(admin, { filter: { productIds: [byCode[code]] } });
      expect(listed.length, code).toBeGreaterThan(0);
      expect(listed.map((user) => user.id).sort(), code).toEqual(await holders([byCode[code]!]));
    }
    // Drafter's seats come from Drafter and from the collection: the filter finds both kinds of holder.
    const collectionHolders = await app.sql<{ user_id: string }>(
      `select sa.user_id from seat_assignments sa join subscriptions s on s.id = sa.subscription_id where s.account_id = ? and s.name = 'Design & Engineering Collection'`,
      [accountId],
    );
    const drafters = new Set((await allUsers(admin, { filter: { productIds: [byCode.DRF] } })).map((user) => user.id));
    expect(collectionHolders.length).toBeGreaterThan(0);
    expect(collectionHolders.every((row) => drafters.has(row.user_id))).toBe(true);
    // Two products: either one; combined with a role, both conditions.
    const either = await allUsers(admin, { filter: { productIds: [byCode.DRF, byCode.STR] } });
    expect(either.map((user) => user.id).sort()).toEqual(await holders([byCode.DRF!, byCode.STR!]));
    const admins = await allUsers(admin, { filter: { productIds: [byCode.DRF], roles: ['PRIMARY_ADMIN', 'SECONDARY_ADMIN'] } });
    expect(admins.every((user) => user.role !== 'USER' && drafters.has(user.id))).toBe(true);
    // An unknown product has no holders; too many products is refused on its field.
    expect(await allUsers(admin, { filter: { productIds: ['00000000-0000-4000-8000-000000000000'] } })).toEqual([]);
    const tooMany = Array.from({ length: 51 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
    const refused = errorOf(await admin.graphql(USERS, { first: 5, filter: { productIds: tooMany } }));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.productIds' });
  });

  it('exports the filtered list as CSV in the reader\'s words, Slovenian with `;` (issue 22, item 6)', async () => {
    const [drafter] = await app.sql<{ id: string }>("select id from products where code = 'DRF'");
    const listed = await allUsers(admin, { filter: { productIds: [drafter!.id], roles: ['USER'] }, orderBy: { field: 'EMAIL', direction: 'ASC' } });
    const query = `products=${drafter!.id}&roles=USER&sort=EMAIL`;
    const english = await rest(app, admin, `/api/exports/users.csv?${query}`);
    expect(english.status).toBe(200);
    const rows: string[][] = parse(await english.text(), { bom: true });
    expect(rows[0]).toEqual(['Name', 'Email', 'Role', 'Status', 'Team', 'Seats', 'Last sign-in', 'Joined on']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(listed.map((user) => user.email));
    expect(new Set(rows.slice(1).map((row) => row[2]))).toEqual(new Set(['User']));
    expect(rows.slice(1).every((row) => ['Active', 'Invited'].includes(row[3]!))).toBe(true);

    const slovenian: string[][] = parse(await (await rest(app, admin, `/api/exports/users.csv?${query}&lang=sl`)).text(), { bom: true, delimiter: ';' });
    expect(slovenian[0]).toEqual(['Ime', 'E-pošta', 'Vloga', 'Stanje', 'Ekipa', 'Licence', 'Zadnja prijava', 'Datum pridružitve']);
    expect(slovenian.slice(1).map((row) => row[1])).toEqual(listed.map((user) => user.email));
    expect(slovenian.slice(1).every((row) => row[2] === 'Uporabnik' && ['Aktiven', 'Povabljen'].includes(row[3]!))).toBe(true);

    const bad = await rest(app, admin, '/api/exports/users.csv?roles=USER,BOSS');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('roles');
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    expect((await rest(app, user, '/api/exports/users.csv')).status).toBe(403);
  });

  describe.each(SORT_FIELDS)('sorted by %s', (field) => {
    it.each(['ASC', 'DESC'] as const)('%s is really in order across pages', async (direction) => {
      const descending = direction === 'DESC';
      const found = await allUsers(admin, {
        filter: { statuses: ['ACTIVE', 'INVITED', 'INACTIVE'] },
        orderBy: { field, direction },
      });
      expect(found).toHaveLength(await count('1 = 1'));
      if (field === 'NAME' || field === 'EMAIL') {
        const values = found.map((user) => (field === 'NAME' ? user.name.toLowerCase() : user.email));
        expect(await inDatabaseOrder(values, descending)).toBe(true);
        return;
      }
      const key = (user: UserNode) =>
        field === 'ROLE' ? ROLE_RANK[user.role]! : field === 'STATUS' ? STATUS_RANK[user.status]! : Date.parse(user.joinedAt);
      const unordered = found.slice(1).filter((user, index) => {
        const difference = key(user) - key(found[index]!);
        return descending ? difference > 0 : difference < 0;
      });
      expect(unordered).toEqual([]);
      expect(new Set(found.map(key)).size).toBeGreaterThan(1);
    });
  });

  it.each([0, 101, -1])('rejects first: %i on field `first`', async (first) => {
    const error = errorOf(await admin.graphql(USERS, { first }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('rejects a cursor it did not issue on field `after`', async () => {
    for (const after of ['garbage', Buffer.from('[1]').toString('base64url'), '%%%']) {
      const error = errorOf(await admin.graphql(USERS, { after }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('rejects a search over 100 characters on field `filter.search`', async () => {
    const error = errorOf(await admin.graphql(USERS, { filter: { search: 'a'.repeat(101) } }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    dataOf(await admin.graphql(USERS, { filter: { search: 'a'.repeat(100) } }));
  });

  it('rejects an unknown enum value in variables with the field it sits in', async () => {
    const role = errorOf(await admin.graphql(USERS, { filter: { roles: ['KING'] } }));
    expect(role.extensions?.code).toBe('BAD_USER_INPUT');
    expect(role.extensions?.field).toMatch(/^filter\.roles/);
    const order = errorOf(await admin.graphql(USERS, { orderBy: { field: 'SHOE_SIZE' } }));
    expect(order.extensions?.code).toBe('BAD_USER_INPUT');
    expect(order.extensions?.field).toMatch(/^orderBy\.field/);
  });

  it('lets a USER role see none of the admin lists (FORBIDDEN)', async () => {
    const user = app.client();
    dataOf(await user.signIn('user@example.com'));
    const someone = everyone[0]!;
    const [team] = await app.sql<{ id: string }>('select id from teams where account_id = ?', [accountId]);
    const operations: [string, Record<string, unknown>][] = [
      [USERS, {}],
      ['query { teams { totalCount } }', {}],
      ['query ($id: UUID!) { user(id: $id) { id } }', { id: someone.id }],
      ['query ($id: UUID!) { team(id: $id) { id } }', { id: team!.id }],
    ];
    for (const [query, variables] of operations) {
      const response = await user.graphql(query, variables);
      expect(errorOf(response).extensions?.code).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
    }
  });

  it('counts the active and invited members of every team', async () => {
    const teams = nodesOf(dataOf(await admin.graphql<{ teams: Page<{ id: string; name: string; memberCount: number }> }>(
      'query { teams { edges { node { id name memberCount } } } }',
    )).teams);
    expect(teams.map((team) => team.name)).toEqual(['Arhitektura', 'Gradbeništvo', 'Strojništvo', 'Uprava']);
    for (const team of teams) {
      expect(team.memberCount).toBe(await count("m.team_id = ? and m.status in ('ACTIVE', 'INVITED')", [team.id]));
      expect(team.memberCount).toBe(everyone.filter((user) => user.team?.id === team.id).length);
      const single = dataOf(await admin.graphql<{ team: unknown }>('query ($id: UUID!) { team(id: $id) { id name memberCount } }', { id: team.id }));
      expect(single.team).toEqual(team);
    }
  });

  it('returns one user by id with the same fields as the list', async () => {
    const someone = everyone.find((user) => user.team !== null)!;
    const { user } = dataOf(await admin.graphql<{ user: UserNode }>(
      'query ($id: UUID!) { user(id: $id) { id email firstName lastName name role status team { id name } joinedAt } }',
      { id: someone.id },
    ));
    expect(user).toEqual(someone);
  });
});

/**
 * Issue 21, item 5: on SQLite the users page counts from `membership_status_counts` and narrows a
 * search through the FTS5 trigram index, both kept by triggers. Whatever changes the memberships
 * (invitations, statuses, renamed people, removals), the page must answer exactly what a plain
 * count and LIKE over the memberships answer, on both drivers.
 */
describe.each(drivers)('users list after changes, against plain SQL (%s)', (driver) => {
  let app: TestApp;
  let admin: TestClient;
  let accountId: string;

  /** The ids and total the page must show: the filter written out as plain SQL, no index of ours. */
  const reference = async (search: string, statuses: string[]) => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const like = (word: string) => `%${word.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    const rows = await app.sql<{ id: string }>(
      `select m.user_id as id from memberships m where m.account_id = ? and m.status in (${statuses.map(() => '?').join(', ')})
       ${words.map(() => "and (m.sort_name like ? escape '\\' or m.email like ? escape '\\')").join(' ')}`,
      [accountId, ...statuses, ...words.flatMap((word) => [like(word), like(word)])],
    );
    return rows.map((row) => row.id).sort();
  };

  const check = async () => {
    for (const statuses of [['ACTIVE', 'INVITED'], ['INACTIVE'], ['ACTIVE', 'INVITED', 'INACTIVE']]) {
      for (const search of ['', 'nov', 'NOVAK ana', 'kovač', 'kovac', 'an no', 'ič', 'horvat@kolektor', '"quo"', 'a%b', 'gradnje.si', 'žž', 'novak novak']) {
        const expected = await reference(search, statuses);
        const filter = { search, statuses };
        const { users } = dataOf(await admin.graphql<UsersPage>(USERS, { first: 5, filter }));
        expect(users.totalCount, `${search} ${statuses.join(',')}`).toBe(expected.length);
        if (expected.length <= 60) expect((await allUsers(admin, { filter }, 25)).map((user) => user.id).sort(), search).toEqual(expected);
      }
    }
    if (driver === 'sqlite') {
      const counted = await app.sql<{ account_id: string; status: string; n: number }>('select account_id, status, count(*) as n from memberships group by account_id, status order by 1, 2');
      const kept = await app.sql<{ account_id: string; status: string; n: number }>('select account_id, status, n from membership_status_counts where n <> 0 order by 1, 2');
      expect(kept).toEqual(counted);
      const [indexed] = await app.sql<{ n: number }>('select count(*) as n from membership_search');
      const [members] = await app.sql<{ n: number }>('select count(*) as n from memberships');
      expect(indexed!.n).toBe(members!.n);
    }
  };

  beforeAll(async () => {
    app = await startTestApp(driver);
    admin = app.client();
    dataOf(await admin.signIn('admin@example.com'));
    const [account] = await app.sql<{ id: string }>('select id from accounts where name = ?', ['Kolektor Gradnje d.o.o.']);
    accountId = account!.id;
  });
  afterAll(() => app?.close());

  it('answers as plain SQL does, as seeded and after invitations, renames, new statuses and removals', async () => {
    await check();
    const INVITE = 'mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { id } }';
    for (const [email, firstName, lastName] of [
      ['nova.novakova@kolektor-gradnje.si', 'Nova', 'Novaková'],
      ['quote@kolektor-gradnje.si', 'Quo"ta', 'Kovač'],
      ['a_b@kolektor-gradnje.si', 'Ana%b', 'Ič'],
    ] as const) {
      dataOf(await admin.graphql(INVITE, { input: { email, firstName, lastName } }));
    }
    // Straight to the table, as an import or a SCIM directory would change many rows at once.
    const some = await app.sql<{ user_id: string }>("select user_id from memberships where account_id = ? and role = 'USER' order by user_id limit 6", [accountId]);
    const [first, second, third, fourth] = some.map((row) => row.user_id);
    await app.sql("update memberships set status = 'INACTIVE' where account_id = ? and user_id = ?", [accountId, first]);
    await app.sql("update memberships set sort_name = 'žiga novak', first_name = 'Žiga', last_name = 'Novak' where account_id = ? and user_id = ?", [accountId, second]);
    await app.sql("update memberships set email = 'kovac@kolektor-gradnje.si' where account_id = ? and user_id = ?", [accountId, third]);
    await app.sql('delete from seat_assignments where account_id = ? and user_id = ?', [accountId, fourth]);
    await app.sql('delete from memberships where account_id = ? and user_id = ?', [accountId, fourth]);
    await check();
  });
});
