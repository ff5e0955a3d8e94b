/**
 * Faults on purpose (issue 15, item 5), Chromium: the browser process killed (SIGKILL) at several moments after
 * the click on "Capture visible area", then the same profile reopened. Every run must end with the whole capture
 * (record, all its files, its audit entry) or nothing of it, and the manager's Verify must be clean.
 * Firefox offers no way here to kill its process mid-write and reopen the same temporary add-on's storage.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { clickButton } from './support/driver';
import { storedCaptures, storeCounts } from './support/evidence';
import { startFixtureServer, type FixtureServer } from './support/server';

const PAGE = 'https://example.org/long';
const KILL_AFTER_MS = [0, 50, 100, 200, 400];
const outcomes: string[] = [];

/** The browser's main process for this profile (the one without --type=). */
function browserPid(profile: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.find((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='));
  if (!main) throw new Error(`No browser process for ${profile}`);
  return Number(main.trim().split(/\s+/)[0]);
}

describe('browser killed while a capture is being saved (Chromium)', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
    console.log(['\nKilled after | Outcome after reopening', ...outcomes].join('\n'));
  });

  for (const delay of KILL_AFTER_MS) {
    it(`killed ${delay} ms after the click: all or nothing, Verify clean`, async () => {
      const profileDir = mkdtempSync(path.join(os.tmpdir(), 'cr-faults-'));
      try {
        const first = await launchChromium({ httpsPort: server.httpsPort, profileDir });
        const tab = await first.openTab(PAGE);
        const popup = await first.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
        await clickButton(popup, 'Capture visible area');
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        process.kill(browserPid(profileDir), 'SIGKILL');
        await first.context.close().catch(() => undefined);

        const reopened = await launchChromium({ httpsPort: server.httpsPort, profileDir });
        try {
          const counts = await storeCounts(reopened);
          const captures = await storedCaptures(reopened);
          const whole = captures.length === 1 && counts.files === captures[0]!.files.length && counts.audit === 1;
          const nothing = counts.captures === 0 && counts.files === 0 && counts.audit === 0;
          outcomes.push(`${delay} ms | ${whole ? 'whole capture' : nothing ? 'nothing' : `PARTIAL ${JSON.stringify(counts)}`}`);
          expect(whole || nothing).toBe(true);
          if (whole) {
            const manager = await reopened.openExtensionPage('manager.html');
            await clickButton(manager, 'Verify the evidence');
            const verified = await manager.waitFor(() => document.querySelector('[data-testid="verify-result"]')?.textContent, null);
            expect(verified).toContain('Everything matches');
          }
        } finally {
          await reopened.close();
        }
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    }, 180_000);
  }
});
