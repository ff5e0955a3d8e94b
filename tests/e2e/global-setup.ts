import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './support/test-build';
import { CHROMIUM_PATH } from './support/chromium';
import { FIREFOX_PATH } from './support/firefox';

/** Fail early, with the fix in the message, rather than 30 times with a timeout. */
export default function setup(): void {
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    if (!existsSync(path.join(repoRoot, '.output', target, 'manifest.json'))) {
      throw new Error(`.output/${target} is missing: run \`npm run build\` before the end-to-end tests.`);
    }
  }
  for (const binary of [CHROMIUM_PATH, FIREFOX_PATH]) {
    if (!existsSync(binary)) {
      throw new Error(`${binary} not found: install the browsers with \`apt-get install -y chromium firefox-esr\`.`);
    }
  }
}
