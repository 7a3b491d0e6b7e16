/**
 * The API's module boundaries, checked by `pnpm lint` (ARCHITECTURE.md, "Module boundaries").
 *
 * `modules` is every folder under src/modules: what it holds, in one line; the modules it may
 * import; and the files beyond its public face by name (below) that others may import. The table
 * itself must have no cycle (checked below, before any file is read), so a new import between
 * modules is a decision written here, never an accident.
 */
const modules = {
  accounts: ['The tenant: its row, the base class of every row it owns, and its day.', [], ['account-day.ts']],
  catalog: ['What the vendor sells: products and their versions.', []],
  mail: ['Sending mail and text messages (SMTP or the outbox folder) and their templates.', [], ['mail-template.ts', 'invitation.mail.ts', 'mailer.ts', 'mail-brand.ts', 'sms.ts']],
  server: ['What the server says about itself (version, limits).', []],
  jobs: ['The database job queue and its worker.', ['accounts'], ['job-queue.ts', 'job-worker.ts', 'event-bus.ts']],
  identity: ['People and their sign-in: users, passwords, sessions, 2-step, own account, the vendor staff\'s sign-in; memberships only through its port.', ['accounts', 'jobs', 'mail'], ['password.ts', 'password-policy.ts', 'rate-limits.ts', 'sign-in-session.ts', 'two-step/codes.ts', 'two-step/secret-box.ts']],
  audit: ['The audit log: recording an entry in the action\'s transaction, reading and exporting it.', ['accounts', 'identity'], ['audit-csv.ts']],
  support: ['Support requests and their threads, as the customer sees them.', ['accounts', 'audit', 'identity']],
  teams: ['Teams inside an account.', ['accounts', 'audit']],
  downloads: ['Signed download links and the files behind them.', ['catalog'], ['download-link.ts']],
  webhooks: ['Webhook endpoints of accounts and of the vendor, their signed deliveries with retries, and the delivery log.', ['accounts', 'audit', 'identity', 'jobs', 'mail'], ['webhook-events.ts']],
  subscriptions: ['Contracts, subscriptions and the seats assigned on them: running, seats used, assignable.', ['accounts', 'audit', 'catalog', 'identity', 'jobs', 'teams', 'webhooks'], ['subscription-seats.ts']],
  users: ['The people of an account: memberships, invitations, the CSV import, roles.', ['accounts', 'audit', 'identity', 'jobs', 'mail', 'subscriptions', 'teams', 'webhooks'], ['invitation.events.ts', 'role-names.ts']],
  tokens: ['API tokens and bearer sign-in.', ['accounts', 'audit', 'identity'], ['bearer.ts']],
  idempotency: ['Idempotency keys of creates and changes: claimed in the change\'s transaction, the result kept for replays.', []],
  usage: ['Usage events in, daily and monthly rollups, cloud credits and their alert threshold.', ['accounts', 'audit', 'catalog', 'identity', 'jobs', 'subscriptions', 'webhooks'], ['rollups.ts']],
  notifications: ['The notifications Settings offers: renewals due, usage alerts, each sent once per (kind, subject, person), and their one-click unsubscribe.', ['accounts', 'identity', 'jobs', 'mail', 'subscriptions', 'usage', 'users'], ['notification-mails.ts', 'unsubscribe-link.ts', 'due-notifications.ts']],
  products: ['Entitlements (subscriptions and trials) to product versions, downloads of them, install packages.', ['accounts', 'audit', 'catalog', 'downloads', 'identity', 'jobs', 'subscriptions'], ['entitlements.ts']],
  licensing: ['Licence files: network and home-use requests, signed with the vendor key; network leases served by Seatwise.', ['accounts', 'audit', 'catalog', 'identity', 'jobs', 'products', 'subscriptions', 'usage', 'users', 'webhooks']],
  reports: ['Seat Usage, Insights and Cloud Usage, read through the owners\' fragments.', ['accounts', 'subscriptions', 'usage']],
  reclaim: ['Reclaim policies: idle seats announced to their holders, kept through a signed link, taken back by the scheduled job and undone by admins; the seats reclaimed per month.', ['accounts', 'audit', 'identity', 'jobs', 'mail', 'notifications', 'reports', 'subscriptions', 'teams', 'users'], ['reclaim-mails.ts', 'reclaim-job.ts']],
  exports: ['Scheduled report exports: saved reports with filters, format, schedule in the account\'s time zone, range and recipients; their runs kept for the account\'s retention, signed links, mails; the report files\' columns and writer.', ['accounts', 'audit', 'downloads', 'identity', 'jobs', 'mail', 'reports', 'subscriptions', 'users']],
  home: ['The admin home page: a summary of the other modules.', ['accounts', 'catalog', 'subscriptions', 'support']],
  vendor: ['The Vendor console: first run and staff set-up, customers, their contracts and subscriptions, the catalogue and its uploads, vendor service tokens, the support inbox, the vendor audit log.', ['accounts', 'audit', 'catalog', 'downloads', 'identity', 'jobs', 'mail', 'notifications', 'subscriptions', 'support', 'tokens', 'usage', 'users', 'webhooks']],
  directory: ["The account's directory (SCIM 2.0): its token, the people and groups it provisions, deactivation releasing seats.", ['accounts', 'audit', 'identity', 'licensing', 'subscriptions', 'teams', 'tokens', 'users'], ['scim-protocol.ts', 'scim-discovery.ts']],
  oidc: ["Seatwise as the OpenID provider of the vendor's products: oidc-provider's storage and keys, the products registered as OAuth clients, device approval, a person's connected apps; named-user checkout leases and devices.", ['accounts', 'audit', 'catalog', 'identity', 'licensing', 'products', 'subscriptions', 'usage', 'users', 'vendor', 'webhooks']],
  brand: ["The vendor's brand: name, logo, colours, support contact and legal links, for the sign-in page, the SPA and mails.", ['mail', 'vendor']],
};

/**
 * A module's public face, the files another module may import: by name, its entities, services,
 * rules with their SQL fragments, SQL and query functions, errors and ports; and the few files its
 * row in the table lists.
 */
const publicByName = ['\\.(entity|service|rules|sql|queries|errors|port)\\.ts$', '-rules\\.ts$'];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const publicFace = [
  ...publicByName,
  ...Object.entries(modules).flatMap(([name, [, , files = []]]) => files.map((file) => `^src/modules/${name}/${escape(file)}$`)),
];

(function assertAcyclic() {
  const state = {};
  const visit = (name, path) => {
    if (!modules[name]) throw new Error(`.dependency-cruiser.cjs: ${path.join(' → ')} uses "${name}", which is not in the table`);
    if (state[name] === 'done') return;
    if (state[name] === 'open') throw new Error(`.dependency-cruiser.cjs: modules import each other: ${[...path, name].join(' → ')}`);
    state[name] = 'open';
    for (const used of modules[name][1]) visit(used, [...path, name]);
    state[name] = 'done';
  };
  for (const name of Object.keys(modules)) visit(name, []);
})();

const names = Object.keys(modules).join('|');

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Files may not import each other, directly or round a loop (imports of types only are erased at build and may).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...Object.entries(modules).map(([name, [, uses]]) => ({
      name: `module-${name}`,
      comment: `${name}: ${modules[name][0]} It may import ${uses.length ? uses.join(', ') : 'no other module'} (the table in .dependency-cruiser.cjs).`,
      severity: 'error',
      from: { path: `^src/modules/${name}/` },
      to: { path: '^src/modules/', pathNot: `^src/modules/(${[name, ...uses].join('|')})/` },
    })),
    {
      name: 'module-listed',
      comment: 'Every folder under src/modules is in the table of .dependency-cruiser.cjs, with the modules it may import.',
      severity: 'error',
      from: { path: `^src/modules/(?!(${names})/)` },
      to: {},
    },
    {
      name: 'public-face',
      comment: 'A module imports another module only through its public face: *.entity.ts, *.service.ts, *rules.ts, *.sql.ts, *.queries.ts, *.errors.ts, *.port.ts, or a file its row in the table lists.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', ...publicFace] },
    },
    {
      name: 'below-modules',
      comment: 'common/ and db/ are below every module: only the entity list, the seed and the CLI (db/entities.ts, db/seed/, db/cli.ts) assemble modules.',
      severity: 'error',
      from: { path: '^src/(common|db)/', pathNot: '^src/db/(entities\\.ts|seed/|cli\\.ts)' },
      to: { path: '^src/(modules|graphql|http)/' },
    },
    {
      name: 'common-is-cross-cutting',
      comment: 'common/ holds helpers every layer may use; it depends on nothing but itself, the database handle and the root types.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/(common/|db/database\\.ts$|context\\.ts$|errors\\.ts$|config\\.ts$)' },
    },
    {
      name: 'no-composition-roots',
      comment: 'Modules do not import the places that assemble them (app, schema, entity list, seed).',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/(app|main|dev)\\.ts$|^src/graphql/schema\\.ts$|^src/db/(entities\\.ts|seed/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
