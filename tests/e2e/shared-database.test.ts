// Settings > Storage / Shared database end to end: a manager types a real
// PostgreSQL server's details and tests the connection; a wrong password is
// named as such in English and Chinese, the right one reports the server's
// version and that it holds no shop yet; nothing is saved by a test.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { ENGINE_CHOICE_FILE } from '../../src/main/core/storage/engine-choice';
import { postgresAvailable, startTestPostgres, type TestPostgres } from '../support/postgres';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, signInThroughUi } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';

const PASSWORD = 'shop-server-pw';

async function fill(page: Page, labels: typeof en.sharedDatabase, values: { host: string; port: number; database: string; user: string; password: string }) {
  const section = page.locator('fieldset', { hasText: labels.title });
  await section.getByRole('textbox', { name: labels.host }).fill(values.host);
  await section.getByRole('textbox', { name: labels.port }).fill(String(values.port));
  await section.getByRole('textbox', { name: labels.database }).fill(values.database);
  await section.getByRole('textbox', { name: labels.user }).fill(values.user);
  await section.getByLabel(labels.password, { exact: true }).fill(values.password);
  await section.getByRole('button', { name: labels.test }).click();
  return section;
}

describe.skipIf(!postgresAvailable())('the Shared database section of Settings', () => {
  let browser: Browser;
  let harness: RunningHarness;
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres({ password: PASSWORD });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    await server?.stop();
  });

  it('tests a connection: a wrong password is named, the right one shows the server', async () => {
    const connection = await server.createDatabase();
    harness = await startHarness();
    const crew = await setUpCrewOverHttp(harness);
    const page = await openDesk(browser, harness.url);
    await page.getByRole('button', { name: en.app.nav.settings, exact: true }).click();
    await expect.poll(() => page.getByText(en.sharedDatabase.managerOnly).isVisible(), { timeout: 30_000 }).toBe(true);
    await signInThroughUi(page, crew.manager);
    await expect.poll(() => page.getByText(en.sharedDatabase.usingFile).isVisible(), { timeout: 30_000 }).toBe(true);

    const details = { host: connection.host, port: connection.port, database: connection.database, user: connection.user };
    let section = await fill(page, en.sharedDatabase, { ...details, password: 'not it' });
    const alert = section.getByRole('alert', { name: en.sharedDatabase.test });
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain(en.errors.field.server_wrong_password);

    section = await fill(page, en.sharedDatabase, { ...details, password: PASSWORD });
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain(en.sharedDatabase.empty);
    expect(await alert.textContent()).toMatch(/PostgreSQL \d+/);
    // A test saves nothing: this counter still keeps its own file.
    expect(existsSync(join(harness.dataDir, ENGINE_CHOICE_FILE))).toBe(false);

    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await page.getByRole('button', { name: zhCN.app.nav.settings, exact: true }).click();
    await expect.poll(() => page.getByText(zhCN.sharedDatabase.usingFile).isVisible(), { timeout: 30_000 }).toBe(true);
    const zhSection = await fill(page, zhCN.sharedDatabase, { ...details, port: connection.port, password: 'wrong' });
    await expect
      .poll(() => zhSection.getByRole('alert', { name: zhCN.sharedDatabase.test }).textContent(), { timeout: 30_000 })
      .toContain(zhCN.errors.field.server_wrong_password);
  });
});
