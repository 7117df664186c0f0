import { mkdirSync } from 'fs';
import { join } from 'path';
import type { BrowserContext } from 'playwright-core';
import { projectRoot } from '../../src/project-root';
import { LocalSystem, startLocal } from '../../tools/local/run-local';
import { findChromium, launchChromium } from '../helpers/chromium';
import { describeLayer } from '../helpers/layer';
import { postControl, synthForLocalRun } from '../helpers/local-stack';

// Failover in 1.6 s (model 80 s); at 1/100 Route 53's checker fleet probes 320 times a second beside the browser.
const TIME_SCALE = 50;
const SCREENSHOT = join(projectRoot(), 'test-artifacts', 'failover-chromium.png');
const browserPath = findChromium();
const MISSING = 'Chromium not found (install it with `apt-get install -y chromium`, or set CHROMIUM_PATH)';
jest.setTimeout(90_000);

describeLayer('the browser client in headless Chromium', browserPath ? undefined : MISSING, () => {
  let system: LocalSystem;
  let browser: BrowserContext;

  beforeAll(async () => {
    system = await startLocal({ stackDir: synthForLocalRun(), port: 0, timeScale: TIME_SCALE });
    browser = await launchChromium(browserPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  test('sees us-east-1, then records the switch to us-west-2 when us-east-1 is flipped', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The client is served on its own port, so every poll is a cross-origin request answered with CORS headers.
    await page.goto(`${system.clientUrl}?interval=0.2`);
    await page.locator('#current-region', { hasText: 'us-east-1' }).waitFor({ timeout: 10_000 });
    await page.locator('tr[data-kind="answer"]').nth(2).waitFor();
    expect(await page.locator('#target-url').textContent()).toBe(`${system.globalUrl}/v1/helloworld`);

    const flip = await postControl(system.globalUrl, 'us-east-1', 'status', { status: 'fail' });
    expect(flip.status).toBe(200);

    await page.locator('tr[data-kind="switch"]').first().waitFor({ timeout: 10_000 });
    await page.locator('tr[data-kind="answer"]', { hasText: 'us-west-2' }).nth(2).waitFor();
    expect(await page.locator('#current-region').textContent()).toBe('us-west-2');
    expect(await page.locator('#last-switch').textContent()).toMatch(/^us-east-1 → us-west-2 at [\d:.]+, [\d.]+ m?s after the last us-east-1 answer$/);
    expect(await page.locator('tr[data-kind="switch"] td').last().textContent()).toBe('switched from us-east-1');
    expect(await page.locator('tr[data-kind="error"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);

    mkdirSync(join(projectRoot(), 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
  });
});
