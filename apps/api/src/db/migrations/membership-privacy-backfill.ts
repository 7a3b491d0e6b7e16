/**
 * Fills the membership columns of Migration20261125221500 from what is stored already; the same
 * SQL on SQLite and PostgreSQL.
 *
 * A membership counts as not accepted when it is invited, or inactive with invitations of which
 * none was accepted (a revoked invitation). It takes the names of the account's newest invitation
 * to the address, which is what the admin typed, or the person's as they stand when there is none.
 * The sort name is the person's own when those names are theirs, else lower-cased by the database
 * (SQLite lower-cases only ASCII letters; the app writes every new one itself).
 *
 * An accepted membership's last sign-in: for the person's oldest active membership, the account
 * every password sign-in opens, the person's own last sign-in; for another account, the newest
 * live session there (accepting an invitation opens one); else none. Older sign-ins to another
 * account are not known, and guessing one would show an account a sign-in it never had.
 */
const invitationOf = (column: string) =>
  `(select i.${column} from invitations i where i.account_id = memberships.account_id and i.email = memberships.invited_email order by i.created_at desc, i.id desc limit 1)`;
const personOf = (column: string) => `(select u.${column} from users u where u.id = memberships.user_id)`;
const invitationsOfPerson = `select 1 from invitations i join users u on u.email = i.email where i.account_id = memberships.account_id and u.id = memberships.user_id`;

export const backfillStatements = [
  `update memberships set invited_email = ${personOf('email')}
   where status = 'INVITED' or (status = 'INACTIVE' and exists (${invitationsOfPerson}) and not exists (${invitationsOfPerson} and i.status = 'ACCEPTED'))`,
  `update memberships set invited_first_name = coalesce(${invitationOf('first_name')}, ${personOf('first_name')}),
     invited_last_name = coalesce(${invitationOf('last_name')}, ${personOf('last_name')})
   where invited_email is not null`,
  `update memberships set invited_sort_name = coalesce(
     (select u.sort_name from users u where u.id = memberships.user_id and u.first_name = memberships.invited_first_name and u.last_name = memberships.invited_last_name),
     lower(invited_first_name || ' ' || invited_last_name))
   where invited_email is not null`,
  `update memberships set last_sign_in_at = coalesce(
     (select u.last_sign_in_at from users u where u.id = memberships.user_id and memberships.status = 'ACTIVE'
        and not exists (select 1 from memberships o where o.user_id = memberships.user_id and o.status = 'ACTIVE' and o.created_at < memberships.created_at)),
     (select max(s.created_at) from sessions s where s.user_id = memberships.user_id and s.account_id = memberships.account_id))
   where invited_email is null`,
];
