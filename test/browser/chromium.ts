import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, without the background services that would try to reach the network.
 * Never a downloaded browser: `apt-get install -y chromium` provides /usr/bin/chromium.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
