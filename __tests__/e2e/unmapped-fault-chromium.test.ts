import type { BrowserContext, Page } from 'playwright-core';
import { LocalSystem, startLocal } from '../../tools/local/run-local';
import { findChromium, launchChromium } from '../helpers/chromium';
import { describeLayer } from '../helpers/layer';
import { postControl, synthForLocalRun } from '../helpers/local-stack';

// Failover in 3.2 s instead of the model's 80 s: long enough that a browser starved of CPU on a busy runner still
// polls (every 0.2 s) inside the window (at 100x, 0.8 s, it once switched before any failed request was seen).
const TIME_SCALE = 25;
const browserPath = findChromium();
const MISSING = 'Chromium not found (install it with `apt-get install -y chromium`, or set CHROMIUM_PATH)';
jest.setTimeout(90_000);

/** Opens the client polling every 0.2 s, waits for us-east-1's answers, then takes us-east-1's base path mappings away. */
async function unmapEastWhileWatching(browser: BrowserContext, system: LocalSystem): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${system.clientUrl}?interval=0.2`);
  await page.locator('#current-region', { hasText: 'us-east-1' }).waitFor({ timeout: 10_000 });
  await page.locator('tr[data-kind="answer"]').nth(2).waitFor();
  const response = await postControl(system.globalUrl, 'us-east-1', 'fault', { fault: 'unmapped' });
  expect(response.status).toBe(200);
  return page;
}

describeLayer('a region without its base path mappings, seen from headless Chromium', browserPath ? undefined : MISSING, () => {
  let browser: BrowserContext;
  const systems: LocalSystem[] = [];
  const start = async (overrides: Record<string, unknown>) => {
    const system = await startLocal({ stackDir: synthForLocalRun(overrides), port: 0, timeScale: TIME_SCALE });
    systems.push(system);
    return system;
  };
  beforeAll(async () => {
    browser = await launchChromium(browserPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(systems.map((s) => s.stop()));
  });

  test('checked through its own hostname: the client sees a few failed requests, then switches to us-west-2', async () => {
    const system = await start({});
    const page = await unmapEastWhileWatching(browser, system);
    await page.locator('tr[data-kind="switch"]').first().waitFor({ timeout: 10_000 });
    await page.locator('tr[data-kind="answer"]', { hasText: 'us-west-2' }).nth(2).waitFor();
    expect(await page.locator('#current-region').textContent()).toBe('us-west-2');
    // The domain's 403 comes from no API (so no CORS headers): the browser reports a failed request, not the 403.
    expect(await page.locator('tr[data-kind="error"]', { hasText: 'request failed' }).count()).toBeGreaterThan(0);
  });

  test('checked on the execute-api host: the client keeps failing and never switches', async () => {
    const system = await start({ healthCheck: { target: 'execute-api' } });
    const page = await unmapEastWhileWatching(browser, system);
    // Twice the model's failover time, in which the hostname check has long switched.
    await page.waitForTimeout(2 * system.modelFailoverMs + 1000);
    expect(await page.locator('tr[data-kind="switch"]').count()).toBe(0);
    expect(await page.locator('tr[data-kind="error"]', { hasText: 'request failed' }).count()).toBeGreaterThan(5);
    expect(await page.locator('#current-region').textContent()).toBe('us-east-1');
  });
});
