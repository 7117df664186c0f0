import type { BrowserContext } from 'playwright-core';
import { LocalSystem, startLocal } from '../../tools/local/run-local';
import { findChromium, launchChromium } from '../helpers/chromium';
import { stackWithHelloWorld, THROWING_HANDLER } from '../helpers/failing-stack';
import { describeLayer } from '../helpers/layer';

const browserPath = findChromium();
const MISSING = 'Chromium not found (install it with `apt-get install -y chromium`, or set CHROMIUM_PATH)';
jest.setTimeout(90_000);

describeLayer('API Gateway\'s own answers in headless Chromium', browserPath ? undefined : MISSING, () => {
  let system: LocalSystem;
  let browser: BrowserContext;

  beforeAll(async () => {
    // The client runs on its own origin, so only a CORS header on the 502 lets the page read its status.
    // Real-time Route 53 timings: nothing here waits on a health check, so the checkers' probes stay out of the way.
    system = await startLocal({ stackDir: stackWithHelloWorld(THROWING_HANDLER), port: 0, timeScale: 1 });
    browser = await launchChromium(browserPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  test('a function that throws shows as a 502 row, not a network error', async () => {
    const page = await browser.newPage();
    await page.goto(`${system.clientUrl}?interval=0.2`);
    const row = page.locator('tr[data-kind="error"][data-status="502"]').first();
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('td').last().textContent()).toBe('HTTP 502: Internal server error');
    expect(await page.locator('tr[data-kind="error"]:not([data-status])').count()).toBe(0);
  });
});
