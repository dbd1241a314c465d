import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium-options';
import { allowedProofRequest, type ProofCapturer } from './capture';

/**
 * Headless Chromium through playwright-core, for browser mode and the CLI.
 * JavaScript is off and every request but inline data is aborted, so remote
 * images show as the broken-image box a reader with images off sees.
 */
export async function chromiumCapturer(): Promise<ProofCapturer> {
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`Could not start Chromium at ${CHROMIUM_PATH} for the screenshots (set CHROMIUM_PATH to another one): ${reason}`);
  }
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true, deviceScaleFactor: 1 });
  await context.route('**/*', (route) => (allowedProofRequest(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  return {
    async capture(html, width) {
      const page = await context.newPage();
      try {
        // A short viewport: the full-page capture is then exactly as tall as the email.
        await page.setViewportSize({ width, height: 100 });
        await page.setContent(html, { waitUntil: 'load', timeout: 15_000 });
        return await page.screenshot({ fullPage: true, type: 'png', timeout: 15_000 });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
