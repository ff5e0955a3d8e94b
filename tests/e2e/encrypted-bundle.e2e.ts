/**
 * The encrypted hand-off (issue 20), as the people at both ends do it. The receiving browser shows its public key
 * and saves its private key file for the age tool; the sender exports one case twice: with a passphrase, and for
 * two public keys (the receiver's and one made by age-keygen). Both files hold nothing in the clear (no ZIP
 * header, no file name, no address or title); Debian's `age` opens each (the passphrase typed at its prompt
 * through `expect`, the keys with `age -d -i`) and `sha256sum -c SHA256SUMS` passes on what comes out. The
 * receiver, a fresh profile, refuses a file cut short and one with a changed byte, naming each, and a wrong
 * passphrase, writing nothing; the right passphrase (Enter) imports and verifies the case; the file for the keys
 * opens with its own receiving key, and with a key file read back (age-keygen's).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { peekAgeHeader } from '../../lib/crypto/age-header';
import { BROWSERS, launch } from './support/browsers';
import { clickButton, until, type DrivenPage, type ExtensionBrowser } from './support/driver';
import { captureVisibleArea, chooseProtection, exportFromManager, storeCounts, storedCaptures } from './support/evidence';
import { openManager, showView } from './support/manager';
import { fill } from './support/passphrase';
import { startFixtureServer } from './support/server';

const PAGE = 'https://x.com/fixtureuser/status/1445078208190291968';
const PASSPHRASE = 'orbit canal lemon vivid spring thank';

/** `age -d` with the passphrase typed at its prompt, as a person would (age reads it only from a terminal). */
function ageDecryptWithPassphrase(file: string, out: string, passphrase: string): void {
  const script = [
    'set timeout 60',
    'spawn age -d -o $env(AGE_OUT) $env(AGE_IN)',
    'expect "passphrase"',
    'send -- "$env(AGE_PASSPHRASE)\\r"',
    'expect eof',
    'lassign [wait] pid spawnid os_error value',
    'exit $value',
  ].join('\n');
  execFileSync('expect', ['-c', script], { env: { ...process.env, AGE_IN: file, AGE_OUT: out, AGE_PASSPHRASE: passphrase }, stdio: 'pipe' });
}

/** Extracts the ZIP and runs `sha256sum -c`: every line must say OK. Returns the ZIP's entry names. */
function checkSums(zip: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cr-age-'));
  const entries = unzipSync(zip);
  for (const [name, data] of Object.entries(entries)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  const check = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
  expect(check.trim().split('\n').every((line) => line.endsWith(': OK'))).toBe(true);
  return Object.keys(entries);
}

/** What must not show in an encrypted file: the ZIP's signature and names, the page's address and host. */
function expectNothingInClear(file: Uint8Array, names: string[], title: string): void {
  const text = Buffer.from(file).toString('latin1');
  expect(Buffer.from(file).includes(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
  for (const visible of [...names, 'manifest.json', 'evidence/', PAGE, 'x.com', 'fixtureuser', title]) {
    expect(text.includes(visible), visible).toBe(false);
  }
}

/** Clicks an element once it is there and enabled, as a person waits for it on a slow machine. */
async function clickWhenReady(page: DrivenPage, selector: string): Promise<void> {
  await page.waitFor((css: string) => document.querySelector(`${css}:not([disabled])`), selector);
  await page.click(selector);
}

async function pickForImport(manager: DrivenPage, file: string): Promise<void> {
  await manager.waitFor(() => document.querySelector('[data-testid="import"]:not([disabled])'), null);
  await manager.setInputFile('[data-testid="import"]', file);
}

function refusal(manager: DrivenPage): Promise<string> {
  return manager.waitFor(() => document.querySelector('[role="alert"][data-testid="bundle-message"]')?.textContent ?? null, null, 60_000);
}

async function submitPassphrase(manager: DrivenPage, passphrase: string): Promise<void> {
  await manager.waitFor(() => document.querySelector('[data-testid="import-passphrase"]:not([disabled])'), null);
  await fill(manager, '[data-testid="import-passphrase"]', passphrase);
  await manager.click('[data-testid="import-passphrase"]');
  await manager.press('Enter');
}

/** The receiving side: its public key, made on first use, and its private key saved to a file for age. */
async function receivingKeyOf(receiver: ExtensionBrowser, manager: DrivenPage): Promise<{ recipient: string; keyFile: string }> {
  await clickWhenReady(manager, '[data-testid="receiving-show"]');
  const recipient = await manager.waitFor(() => document.querySelector('[data-testid="receiving-key"]')?.textContent ?? null, null);
  expect(recipient).toMatch(/^age1[a-z0-9]{58}$/);
  await clickWhenReady(manager, '[data-testid="receiving-save-open"]');
  await clickWhenReady(manager, '[data-testid="receiving-save-confirm"]');
  await clickWhenReady(manager, '[data-testid="receiving-save"]');
  await manager.waitFor(() => document.querySelector('[role="status"][data-testid="receiving-message"]'), null);
  const name = await until(async () => readdirSync(receiver.downloadsDir).find((file) => /^key-.*\.txt$/.test(file)), 'the key file');
  return { recipient, keyFile: path.join(receiver.downloadsDir, name) };
}

describe.each(BROWSERS)('encrypted bundle in %s', (browserName) => {
  it('exports with a passphrase and for keys; age opens both; import refuses cut, changed and wrong, then verifies', async () => {
    const server = await startFixtureServer();
    const work = mkdtempSync(path.join(os.tmpdir(), 'cr-age-e2e-'));
    const keygenFile = path.join(work, 'keygen.txt');
    execFileSync('age-keygen', ['-o', keygenFile], { stdio: 'pipe' });
    const keygenRecipient = /# public key: (age1\S+)/.exec(readFileSync(keygenFile, 'utf8'))![1]!;

    const receiver = await launch(browserName, server);
    try {
      // The receiving key is in Settings (Proof and keys); bundles are received under Cases.
      const inbox = await openManager(receiver, 'settings');
      const own = await receivingKeyOf(receiver, inbox);
      await showView(inbox, 'cases');

      // The sender captures a page and exports the case twice.
      let byPassphrase: { name: string; path: string; bytes: Uint8Array };
      let byKeys: { name: string; path: string; bytes: Uint8Array };
      let hashes: string[];
      let title: string;
      const sender = await launch(browserName, server);
      try {
        await captureVisibleArea(sender, PAGE);
        const [capture] = await storedCaptures(sender);
        hashes = capture!.files.map((file) => file.sha256).sort();
        title = capture!.title;
        const manager = await sender.openExtensionPage('manager.html');
        byPassphrase = await exportFromManager(sender, manager, { kind: 'passphrase', passphrase: PASSPHRASE });
        const instructions = await manager.waitFor(() => document.querySelector('[data-testid="export-instructions"]')?.textContent ?? null, null);
        expect(instructions).toContain(`age -d -o case.zip ${byPassphrase.name}`);
        // Each line is checked as it is typed; a mistyped key is named by its line and its start.
        const typo = `${keygenRecipient.slice(0, 30)}${keygenRecipient[30] === 'q' ? 'p' : 'q'}${keygenRecipient.slice(31)}`;
        await chooseProtection(manager, { kind: 'recipients', recipients: [own.recipient, typo] });
        const named = await manager.waitFor(() => document.querySelector('[data-testid="export-recipient-problem"]')?.textContent ?? null, null);
        expect(named).toContain(`Line 2 (${typo.slice(0, 16)}…)`);
        expect(named).toContain('Copy it again');
        byKeys = await exportFromManager(sender, manager, { kind: 'recipients', recipients: [own.recipient, keygenRecipient] });
      } finally {
        await sender.close();
      }
      // Out of the sender's downloads folder, which goes with its profile.
      for (const file of [byPassphrase, byKeys]) {
        file.path = path.join(work, file.name);
        writeFileSync(file.path, file.bytes);
      }
      expect(byPassphrase.name).toMatch(/^evidence-\d{4}-\d{2}-\d{2}.*\.age$/);
      expect(byKeys.name).toMatch(/\.age$/);

      // The age tool opens both; the sums check; nothing of the ZIP showed in either file.
      const fromPassphrase = path.join(work, 'passphrase.zip');
      ageDecryptWithPassphrase(byPassphrase.path, fromPassphrase, PASSPHRASE);
      const names = checkSums(readFileSync(fromPassphrase));
      expect(names).toContain('SHA256SUMS');
      const fromKeygen = execFileSync('age', ['-d', '-i', keygenFile, byKeys.path]);
      const fromOwnKey = execFileSync('age', ['-d', '-i', own.keyFile, byKeys.path]);
      expect(fromOwnKey.equals(fromKeygen)).toBe(true);
      checkSums(fromKeygen);
      expect(() => ageDecryptWithPassphrase(byPassphrase.path, path.join(work, 'wrong.zip'), 'not the passphrase')).toThrow();
      for (const file of [byPassphrase, byKeys]) expectNothingInClear(file.bytes, names, title);

      // A file cut short, and one with a byte changed in its first chunk (not the last): refused, named. (The file
      // for this browser's key: the checks are the same as for a passphrase, without a second of scrypt each.)
      const bytes = byKeys.bytes;
      const header = peekAgeHeader(bytes);
      if (header.kind !== 'age') throw new Error('not an age file');
      expect(bytes.length - header.length - 16).toBeGreaterThan(65_552);
      const cutPath = path.join(work, 'cut.age');
      writeFileSync(cutPath, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      const changed = bytes.slice();
      changed[header.length + 16 + 1000] = changed[header.length + 16 + 1000]! ^ 0x20;
      const changedPath = path.join(work, 'changed.age');
      writeFileSync(changedPath, changed);
      await pickForImport(inbox, cutPath);
      expect(await refusal(inbox)).toContain('incomplete');
      await pickForImport(inbox, changedPath);
      expect(await refusal(inbox)).toContain('changed or damaged');

      await pickForImport(inbox, byPassphrase.path);
      await submitPassphrase(inbox, 'orbit canal lemon vivid spring thanks');
      expect(await refusal(inbox)).toContain('does not open the file');
      expect(await storeCounts(receiver)).toEqual({ captures: 0, files: 0, audit: 0 });

      // The right passphrase, in the same form (Enter submits): verified, stored, shown.
      await submitPassphrase(inbox, PASSPHRASE);
      const done = await inbox.waitFor(() => document.querySelector('[role="status"][data-testid="bundle-message"]')?.textContent ?? null, null, 60_000);
      const imported = await storedCaptures(receiver);
      expect(imported.flatMap((capture) => capture.files.map((file) => file.sha256)).sort()).toEqual(hashes);
      const shown = await inbox.waitFor(() => document.querySelector('[data-testid="case-view"] h2')?.textContent ?? null, null);
      // The title is shown isolated (U+2068 ... U+2069) so that no bidi control in it can reorder the message.
      expect(done).toContain(`“\u2068${shown}\u2069”`);
      await clickButton(inbox, 'Verify the evidence');
      expect(await inbox.waitFor(() => document.querySelector('[data-testid="verify-result"]')?.textContent, null)).toContain('Everything matches');

      // The file for the keys opens with this browser's own receiving key (the case is here already: said so only
      // once the whole file was decrypted and verified), then with age-keygen's key read back from its file.
      await pickForImport(inbox, byKeys.path);
      expect(await refusal(inbox)).toContain('already in this browser');
      await showView(inbox, 'settings');
      await clickWhenReady(inbox, '[data-testid="receiving-read-open"]');
      await inbox.setInputFile('[data-testid="receiving-read"]', keygenFile);
      await clickWhenReady(inbox, '[data-testid="receiving-replace"]');
      await inbox.waitFor((key) => document.querySelector('[data-testid="receiving-key"]')?.textContent === key, keygenRecipient);
      await showView(inbox, 'cases');
      await pickForImport(inbox, byKeys.path);
      expect(await refusal(inbox)).toContain('already in this browser');
    } finally {
      await receiver.close();
      await server.close();
    }
  }, 150_000);
});
