import { describe, expect, it } from 'vitest';
import { checkAtPhoneWidth, serverAndBrowser, signInSpeaking } from './browser';

const e2e = serverAndBrowser({ env: { SEATWISE_JOB_WORKER: '0' } });

describe('Reclaim policies (issue 19, item 1)', () => {
  it('an admin sets up a policy in Slovenian: empty list, new policy, its dry run, switching on after the confirmation', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInSpeaking(page, e2e.server.url, 'admin@example.com', 'sl');
    const navigation = page.getByRole('navigation', { name: 'Navigacija upravljanja računa' });
    await navigation.getByRole('link', { name: 'Pravila za odvzem' }).click();
    await page.getByRole('heading', { name: 'Pravila za odvzem', level: 1 }).waitFor();
    await page.getByText('Pravil za odvzem še ni').waitFor();
    await checkAtPhoneWidth(page, 'reclaim-empty-sl');

    await page.getByRole('button', { name: '+ Novo pravilo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Novo pravilo za odvzem' });
    await dialog.getByLabel('Ime').fill('Neuporabljene 30 dni');
    await dialog.getByRole('textbox', { name: 'Dnevi neuporabe pred obvestilom' }).fill('30');
    await dialog.getByRole('textbox', { name: 'Obdobje odloga v dnevih' }).fill('7');
    await dialog.getByRole('button', { name: 'Ustvari pravilo' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The new policy is off, and its dry run is open: who would lose which seat, and why.
    const policy = page.getByTestId('reclaim-policy').filter({ hasText: 'Neuporabljene 30 dni' });
    await policy.getByText('Izklopljeno').waitFor();
    const dryRun = page.getByTestId('dry-run');
    await dryRun.getByRole('heading', { name: 'Preizkus pravila Neuporabljene 30 dni' }).waitFor();
    const summary = (await dryRun.getByTestId('dry-run-summary').textContent())!;
    expect(summary).toMatch(/^Danes bi \d+ os/);
    await checkAtPhoneWidth(page, 'reclaim-dry-run-sl');

    // Switching on asks first; cancelling changes nothing.
    await dryRun.getByRole('button', { name: 'Vklopi' }).click();
    const confirm = page.getByRole('dialog', { name: 'Vklopim pravilo Neuporabljene 30 dni?' });
    await confirm.getByText('Odvzem lahko razveljavite 14 dni.').waitFor();
    await confirm.getByRole('button', { name: 'Prekliči' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await policy.getByText('Izklopljeno').waitFor();
    await dryRun.getByRole('button', { name: 'Vklopi' }).click();
    await confirm.getByRole('button', { name: 'Da, vklopi' }).click();
    await policy.getByText('Vklopljeno').waitFor();
    await policy.getByRole('button', { name: 'Izklopi' }).waitFor();
    await page.getByRole('heading', { name: 'Odvzete licence po mesecih' }).waitFor();
    await checkAtPhoneWidth(page, 'reclaim-on-sl');
    await context.close();
  });
});
