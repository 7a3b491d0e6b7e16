import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn } from './browser';

/** Issue 22, item 1: a person invited to a second account accepts it and moves between both. */
const e2e = serverAndBrowser();

const password = 'Seatwise-demo-1';
const LUKAS = 'admin@alpine.example';

/** GraphQL over fetch with a cookie jar of one session (no browser), for the set-up. */
function apiSession(baseUrl: string) {
  let cookie = '';
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const set = response.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    if (set) cookie = set;
    const body = (await response.json()) as { data: T; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
    return body.data;
  };
}

/** Kolektor's admin invites Lukas (primary admin of Alpine) as a user; the link from the demo outbox. */
async function inviteLukasToKolektor(baseUrl: string): Promise<string> {
  const admin = apiSession(baseUrl);
  await admin(`mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`, { input: { email: 'admin@example.com', password } });
  await admin(`mutation ($input: InviteUserInput!) { inviteUser(input: $input) { id } }`, {
    input: { email: LUKAS, firstName: 'Lukas', lastName: 'Gruber', role: 'USER' },
  });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { outbox } = await admin<{ outbox: { edges: { node: { to: string; text: string } }[] } }>('{ outbox(first: 20) { edges { node { to text } } } }');
    const mail = outbox.edges.map((edge) => edge.node).find((node) => node.to === LUKAS && node.text.includes('invitation?token='));
    if (mail) return /(\/invitation\?token=\S+)/.exec(mail.text)![1]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The invitation did not reach the outbox.');
}

describe('one person, several accounts', () => {
  it('accepts an invitation to a second account, switches in the top bar and in the account menu, and the choice is remembered', async () => {
    const link = await inviteLukasToKolektor(e2e.server.url);
    // The account's name ends in a full stop of its own: the sentence goes on after a colon, not a second stop.
    const slovenian = await e2e.browser.newContext({ locale: 'sl-SI', viewport: { width: 1366, height: 800 } });
    const invitation = await slovenian.newPage();
    await invitation.goto(`${e2e.server.url}${link}`);
    await invitation.getByText('Pozdravljeni, Lukas, vabljeni ste v račun Kolektor Gradnje d.o.o.: za sprejem se prijavite s svojim geslom za aplikacijo Seatwise.').waitFor();
    await checkAtPhoneWidth(invitation, 'invitation-existing-person-sl');
    await slovenian.close();
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}${link}`);
    await page.getByText('Hello Lukas, you are invited to Kolektor Gradnje d.o.o.: sign in with your Seatwise password to accept.').waitFor();
    await checkAtPhoneWidth(page, 'invitation-existing-person-en');
    await page.getByLabel('Password').first().fill(password);
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/invitation'));

    // In Kolektor as a user: no Users page in the navigation; the switcher names the account.
    const switcher = page.getByRole('button', { name: 'Switch account: Kolektor Gradnje d.o.o.' });
    await switcher.waitFor();
    const navigation = page.getByRole('navigation', { name: 'Account management navigation' });
    await navigation.getByText('Products and Services').first().waitFor();
    expect(await navigation.getByText('Reports', { exact: true }).count()).toBe(0);
    await switcher.click();
    const alpine = page.getByRole('menuitem', { name: /Alpine Studio GmbH\s*Primary admin/ });
    await alpine.waitFor();
    expect(await page.getByRole('menuitem', { name: /Kolektor Gradnje d\.o\.o\.\s*User/ }).getAttribute('aria-current')).toBe('true');
    await alpine.click();
    await page.getByRole('button', { name: 'Switch account: Alpine Studio GmbH' }).waitFor();
    // As Alpine's primary admin the admin's navigation is back, with Alpine's people.
    await navigation.getByText('Reports', { exact: true }).waitFor();
    await page.goto(`${e2e.server.url}/users`);
    await page.getByRole('row', { name: /alpine\.example/ }).first().waitFor();
    await checkAtPhoneWidth(page, 'several-accounts-en');
    await context.close();

    // A new sign-in opens Alpine, the account chosen last. In Slovenian, at a phone's width, the
    // account menu switches back to Kolektor.
    const phone = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const small = await phone.newPage();
    await signIn(small, e2e.server.url, LUKAS);
    await small.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await small.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await small.getByRole('button', { name: 'Meni računa' }).click();
    await small.getByText('Vaši računi').waitFor();
    expect(await small.getByRole('menuitem', { name: /Alpine Studio GmbH\s*Primarni skrbnik/ }).getAttribute('aria-current')).toBe('true');
    await checkAtPhoneWidth(small, 'several-accounts-sl-menu');
    await small.getByRole('menuitem', { name: /Kolektor Gradnje d\.o\.o\.\s*Uporabnik/ }).click();
    await small.waitForURL((url) => url.pathname === '/' || url.pathname === '/products');
    await small.getByRole('button', { name: 'Meni računa' }).click();
    await expect
      .poll(() => small.getByRole('menuitem', { name: /Kolektor Gradnje d\.o\.o\.\s*Uporabnik/ }).getAttribute('aria-current'))
      .toBe('true');
    await phone.close();
  });
});
