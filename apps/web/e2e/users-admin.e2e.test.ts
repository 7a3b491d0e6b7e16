import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signIn } from './browser';

const e2e = serverAndBrowser();

async function signedInPage(width = 1366): Promise<Page> {
  const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, e2e.server.url, 'admin@example.com');
  return page;
}

const shot = checkAtPhoneWidth;

describe('users and seats in the browser', () => {
  it('invites a user, who accepts through the emailed link and sets a password', async () => {
    const page = await signedInPage();
    await page.goto(`${e2e.server.url}/users`);
    await page.getByRole('button', { name: '+ Invite users' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite users' });
    await dialog.getByLabel('Email').fill('nova.oseba@example.com');
    await dialog.getByLabel('First name').fill('Nova');
    await dialog.getByLabel('Last name').fill('Oseba');
    await shot(page, 'invite-dialog');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation sent to nova.oseba@example.com.').waitFor();

    await page.goto(`${e2e.server.url}/users/invitations`);
    await page.getByRole('cell', { name: 'nova.oseba@example.com', exact: true }).waitFor();
    await shot(page, 'invitations');

    // The outbox holds the mail (demo mode, no SMTP): follow its link as the invitee.
    await page.goto(`${e2e.server.url}/outbox`);
    const text = await page.getByText(/invitation\?token=/).first().textContent();
    const link = /(https?:\/\/\S+invitation\?token=\S+)/.exec(text ?? '')?.[1];
    expect(link).toBeTruthy();
    const invitee = await (await e2e.browser.newContext({ locale: 'en-GB' })).newPage();
    await invitee.goto(link!.replace(/^https?:\/\/[^/]+/, e2e.server.url));
    await invitee.getByLabel('New password').fill('A-good-new-password');
    await invitee.getByLabel('Repeat the password').fill('A-good-new-password');
    await shot(invitee, 'accept-invitation');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    await invitee.waitForURL((url) => url.pathname === '/profile' || url.pathname === '/');
  });

  it('Invite Multiple reports a bad row, then invites everyone once it is fixed; ticked users move to a team', async () => {
    const page = await signedInPage();
    await page.goto(`${e2e.server.url}/users`);
    await page.getByRole('button', { name: 'Invite Multiple' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite Multiple' });
    const rows = dialog.getByLabel('People to invite');
    await rows.fill('vec.ena@example.com, Vec, Ena\nnot-an-email, Vec, Dva');
    await dialog.getByRole('button', { name: 'Check rows' }).click();
    await dialog.getByText(/Email: "not-an-email" is not a valid email address/).waitFor();
    await shot(page, 'invite-multiple');
    await rows.fill('vec.ena@example.com, Vec, Ena\nvec.dva@example.com; Vec; Dva');
    await dialog.getByRole('button', { name: 'Check rows' }).click();
    await dialog.getByRole('button', { name: 'Invite 2 people' }).click();
    await page.getByText('2 invitations sent.').waitFor();

    await page.getByLabel('Search').fill('vec');
    await page.getByRole('checkbox', { name: 'Select Vec Ena' }).check();
    await page.getByRole('checkbox', { name: 'Select Vec Dva' }).check();
    await page.getByRole('button', { name: 'Move to team' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'Uprava' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByText('2 users moved.').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Vec Ena.*Uprava/ }).count()).toBe(1);
  });

  it('assigns and unassigns a product on View Details, then finds both in the audit log', async () => {
    const page = await signedInPage();
    await page.goto(`${e2e.server.url}/users?search=kova%C4%8D`);
    await page.getByRole('link', { name: 'Jure Kovač', exact: true }).click();
    await page.getByRole('heading', { name: 'Jure Kovač' }).waitFor();
    await page.getByRole('textbox', { name: 'Assign a product' }).click();
    await page.getByRole('option', { name: /^Formwork 3D/ }).click();
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const seatRow = page.getByRole('row', { name: /Formwork 3D/ });
    await seatRow.waitFor();
    await shot(page, 'user-details');
    await seatRow.getByRole('button', { name: 'Unassign' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Unassign' }).click();
    await expect.poll(() => seatRow.count()).toBe(0);

    await page.goto(`${e2e.server.url}/audit`);
    await page.getByText('Assigned a seat of Formwork 3D to user@example.com').waitFor();
    await page.getByText('Unassigned a seat of Formwork 3D from user@example.com').waitFor();
    await shot(page, 'audit');
    // The action filter offers every recorded action, grouped: here only unassignments.
    await page.getByRole('textbox', { name: 'Action' }).click();
    await page.getByText('Subscriptions and contracts', { exact: true }).waitFor();
    await page.getByRole('option', { name: 'API token created' }).waitFor();
    if (process.env.SEATWISE_SCREENSHOTS) await page.screenshot({ path: `${process.env.SEATWISE_SCREENSHOTS}/audit-filter.png` });
    await page.getByRole('option', { name: 'Unassign', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByText('Assigned a seat of Formwork 3D to user@example.com').count()).toBe(0);
    await page.getByText('Unassigned a seat of Formwork 3D from user@example.com').waitFor();
  });

  it('previews a CSV file row by row, imports it, and a second import changes nothing', async () => {
    const page = await signedInPage();
    await page.goto(`${e2e.server.url}/users/import`);
    const csv = 'email;first name;last name;team\r\nuvoz.ena@example.com;Ena;Uvoz;Uprava\r\nnot-an-email;Dva;Uvoz;\r\n';
    await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await page.getByText(/Preview, nothing written yet: 1 to create/).waitFor();
    await page.getByRole('cell', { name: 'not-an-email', exact: true }).waitFor();
    await shot(page, 'import-preview');
    await page.getByRole('button', { name: 'Import 1 valid row' }).click();
    await page.getByText(/Imported: 1 created/).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`) });
    await page.getByText(/0 to create, 0 to update, 1 unchanged/).waitFor();
  });

  it('creates, renames and deletes a team; shows the users page in Slovenian on a phone', async () => {
    const page = await signedInPage();
    await page.goto(`${e2e.server.url}/users/teams`);
    await page.getByLabel('New team').fill('Marketing');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('cell', { name: 'Marketing', exact: true }).waitFor();
    await page.getByRole('row', { name: /Marketing/ }).getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Prodaja');
    // Enter in the name saves (the dialog is a form).
    await page.getByRole('dialog').getByLabel('Name').press('Enter');
    await page.getByRole('cell', { name: 'Prodaja', exact: true }).waitFor();
    await page.getByRole('row', { name: /Prodaja/ }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('cell', { name: 'Prodaja', exact: true }).waitFor({ state: 'detached' });
    await shot(page, 'teams');

    const phone = await signedInPage(390);
    await phone.goto(`${e2e.server.url}/users`);
    // Chosen in the menu, the language is saved with the person (F-06), as a user would do it.
    await phone.getByRole('button', { name: /^(Language|Jezik)/ }).click();
    await phone.getByRole('menuitem', { name: 'Slovenščina' }).click();
    await phone.getByRole('button', { name: 'Invite Multiple' }).waitFor();
    await phone.getByText('Čakajoča povabila').first().waitFor();
    await shot(phone, 'users-sl-phone');
  });
});
