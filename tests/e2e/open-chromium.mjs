#!/usr/bin/env node
// `npm start`: after the build, open Chromium with Capture & Report loaded in a fresh, separate profile
// (kept in .e2e/profile so your everyday profile is never touched). Set CHROMIUM_PATH to use another binary.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const extension = path.join(root, '.output', 'chrome-mv3');
const profile = path.join(root, '.e2e', 'profile');
const binary = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

if (!existsSync(path.join(extension, 'manifest.json'))) {
  console.error('No build found in .output/chrome-mv3: run `npm run build` first.');
  process.exit(1);
}
if (!binary) {
  console.error('Chromium not found. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
mkdirSync(profile, { recursive: true });
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--disable-background-networking',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
console.log(`Opening ${binary} with the extension from ${extension}`);
spawn(binary, args, { stdio: 'inherit', detached: false }).on('exit', (code) => process.exit(code ?? 0));
