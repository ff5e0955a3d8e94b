#!/usr/bin/env node
// @ts-check
/**
 * Makes sure the system programs that `npm start` and `npm test` need are installed, and installs the missing ones
 * on Debian (apt-get, through sudo when not root), saying what it will install before it does. Elsewhere, or
 * without the rights to install, it stops with one line naming exactly what to install.
 *
 *   node tests/setup/ensure-browsers.mjs start   # before `npm start` (prestart): Chromium
 *   node tests/setup/ensure-browsers.mjs test    # before `npm test` (pretest), and so in .ci/run: everything
 *
 * Plain Node (no dependency), so it also runs before anything is built. The decision is `planSetup`, a pure
 * function with unit tests (tests/unit/setup/ensure-browsers.test.ts); the rest only looks and runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {'start' | 'test'} Purpose
 * @typedef {{ pkg: string, binary?: string, command?: string, env?: string, purposes: Purpose[] }} Requirement
 * @typedef {{ missing: string[], os: { id: string, idLike: string[] } | null, isRoot: boolean, hasSudo: boolean }} Situation
 * @typedef {{ kind: 'ready' }
 *   | { kind: 'install', commands: string[][], announce: string, fallback: string }
 *   | { kind: 'stop', message: string }} Plan
 */

/** @type {Requirement[]} */
export const REQUIREMENTS = [
  // `npm start` opens it with the extension; the end-to-end tests drive it (tests/e2e/support/chromium.ts).
  { pkg: 'chromium', binary: '/usr/bin/chromium', env: 'CHROMIUM_PATH', purposes: ['start', 'test'] },
  // The end-to-end tests drive Firefox ESR with the MV2 build (tests/e2e/support/firefox.ts).
  { pkg: 'firefox-esr', binary: '/usr/bin/firefox-esr', env: 'FIREFOX_PATH', purposes: ['test'] },
  // The end-to-end fixture server makes its TLS certificate with openssl.
  { pkg: 'openssl', command: 'openssl', purposes: ['test'] },
  // The recording tests decode the recorded video with ffmpeg/ffprobe (tests/e2e/recording*.e2e.ts).
  { pkg: 'ffmpeg', command: 'ffmpeg', purposes: ['test'] },
  // The discreet-mode tests read the browsers' own history databases after closing them (tests/e2e/discreet.e2e.ts).
  { pkg: 'sqlite3', command: 'sqlite3', purposes: ['test'] },
  // The encrypted-export tests open the exported .age files with Debian's age tool, typing the passphrase at its
  // prompt through expect (age reads a passphrase only from a terminal).
  { pkg: 'age', command: 'age', purposes: ['test'] },
  { pkg: 'expect', command: 'expect', purposes: ['test'] },
];

/**
 * Debian and its derivatives that use Debian's archive (where `chromium` and `firefox-esr` exist).
 * @param {Situation['os']} os
 */
export function isDebian(os) {
  if (!os) return false;
  if (os.id === 'debian') return true;
  // Ubuntu's archive has no firefox-esr and ships Chromium only as a snap: not installable the same way.
  return os.idLike.includes('debian') && os.id !== 'ubuntu' && !os.idLike.includes('ubuntu');
}

/**
 * Each missing program as the user must install it: where the tests look for it, or that it must be on the PATH.
 * @param {string[]} missing package names
 */
export function describeMissing(missing) {
  return REQUIREMENTS.filter((req) => missing.includes(req.pkg))
    .map((req) => (req.binary ? `${req.pkg} at ${req.binary} (or set ${req.env})` : `${req.pkg} on the PATH`))
    .join(', ');
}

/** @param {string[]} missing package names */
export function aptLine(missing) {
  return `apt-get install -y ${missing.join(' ')}`;
}

/**
 * What to do, from what is missing and what this machine allows.
 * @param {Situation} situation
 * @returns {Plan}
 */
export function planSetup({ missing, os, isRoot, hasSudo }) {
  if (missing.length === 0) return { kind: 'ready' };
  if (!isDebian(os)) {
    return { kind: 'stop', message: `Not Debian, so not installed for you: install ${describeMissing(missing)}, then run this again.` };
  }
  if (!isRoot && !hasSudo) {
    return { kind: 'stop', message: `Not root and no sudo, so not installed for you: as root, run \`${aptLine(missing)}\`, then run this again.` };
  }
  const prefix = isRoot ? [] : ['sudo'];
  const apt = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  return {
    kind: 'install',
    commands: [
      [...apt, 'update', '-qq'],
      [...apt, 'install', '-y', '-qq', ...missing],
    ],
    announce: `Installing ${missing.join(', ')} with apt-get${isRoot ? '' : ' through sudo (it may ask for your password)'}.`,
    fallback: `As root, run \`${aptLine(missing)}\`, then run this again.`,
  };
}

/** @param {string} text the content of /etc/os-release */
export function parseOsRelease(text) {
  /** @type {Record<string, string>} */
  const fields = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) fields[match[1]] = (match[2] ?? '').replace(/^["']|["']$/g, '');
  }
  return { id: fields.ID ?? '', idLike: (fields.ID_LIKE ?? '').split(/\s+/).filter(Boolean) };
}

/** @param {string} name */
function onPath(name) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, name)));
}

/** @param {Requirement} req */
function isInstalled(req) {
  if (req.binary) return existsSync((req.env && process.env[req.env]) || req.binary);
  return onPath(req.command ?? req.pkg);
}

/** @param {Purpose} purpose */
function missingFor(purpose) {
  return REQUIREMENTS.filter((req) => req.purposes.includes(purpose) && !isInstalled(req)).map((req) => req.pkg);
}

function readOs() {
  try {
    return parseOsRelease(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return null;
  }
}

/** @param {Purpose} purpose */
function main(purpose) {
  const plan = planSetup({
    missing: missingFor(purpose),
    os: process.platform === 'linux' ? readOs() : null,
    isRoot: process.getuid?.() === 0,
    hasSudo: onPath('sudo'),
  });
  if (plan.kind === 'ready') return 0;
  if (plan.kind === 'stop') {
    console.error(plan.message);
    return 1;
  }
  console.log(plan.announce);
  for (const [program, ...args] of plan.commands) {
    console.log(`$ ${[program, ...args].join(' ')}`);
    const run = spawnSync(/** @type {string} */ (program), args, { stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`The installation failed. ${plan.fallback}`);
      return 1;
    }
  }
  const stillMissing = missingFor(purpose);
  if (stillMissing.length > 0) {
    console.error(`Installed, but still not found: install ${describeMissing(stillMissing)}, then run this again.`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const purpose = process.argv[2];
  if (purpose !== 'start' && purpose !== 'test') {
    console.error('Usage: node tests/setup/ensure-browsers.mjs start|test');
    process.exit(2);
  }
  process.exit(main(purpose));
}
