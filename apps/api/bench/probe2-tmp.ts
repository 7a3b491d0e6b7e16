process.env.NODE_ENV ??= 'production';
const { startTestApp } = await import('../test/harness.js');
const { time, percentile } = await import('./timing.js');
const app = await startTestApp('sqlite', { seed: { users: 50_000, usageDays: 1 } });
const [account] = await app.sql<{ id: string }>('select id from accounts where name = ?', ['Kolektor Gradnje d.o.o.']);
const knex = (app.orm.em.getConnection() as any).getKnex();
const seen: { sql: string; bindings: unknown[] }[] = [];
knex.on('query', (q: any) => seen.push({ sql: q.sql, bindings: q.bindings }));
const client = app.client();
await client.signIn('admin@example.com');
const QUERY = `query Users($first: Int, $filter: UsersFilter, $orderBy: UsersOrder) { users(first: $first, filter: $filter, orderBy: $orderBy) { totalCount edges { cursor node { id email name role status team { id name } seatCount joinedAt lastSignInAt } } pageInfo { hasNextPage endCursor } } }`;
for (const variables of [{ first: 25, orderBy: { field: 'NAME', direction: 'ASC' } }, { first: 25, filter: { search: 'nov' }, orderBy: { field: 'EMAIL', direction: 'ASC' } }]) {
  seen.length = 0;
  await client.graphql(QUERY, variables);
  for (const q of seen.filter((q) => q.sql.includes('memberships as') || q.sql.includes('"memberships"') || q.sql.includes('`memberships`'))) {
    const plan = await app.sql('explain query plan ' + q.sql, q.bindings);
    const samples = await time(50, () => app.sql(q.sql, q.bindings));
    console.log(q.sql.slice(0, 300), '\n', JSON.stringify(plan.map((r: any) => r.detail)), '\n p50', percentile(samples, 50).toFixed(2), 'p95', percentile(samples, 95).toFixed(2));
  }
}
await app.close();
