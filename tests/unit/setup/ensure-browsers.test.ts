/**
 * The set-up script's decisions (tests/setup/ensure-browsers.mjs): CI's machine keeps the browsers once installed,
 * so every branch is tested here on the pure `planSetup`; `.ci/run` runs the script for real through `npm test`.
 */
import { describe, expect, it } from 'vitest';
import { parseOsRelease, planSetup, REQUIREMENTS } from '../../setup/ensure-browsers.mjs';

const debian = { id: 'debian', idLike: [] };
const ubuntu = { id: 'ubuntu', idLike: ['debian'] };
const missing = ['chromium', 'firefox-esr'];

describe('planSetup', () => {
  it('does nothing when everything is present', () => {
    expect(planSetup({ missing: [], os: debian, isRoot: false, hasSudo: false })).toEqual({ kind: 'ready' });
    expect(planSetup({ missing: [], os: null, isRoot: false, hasSudo: false })).toEqual({ kind: 'ready' });
  });

  it('installs with apt-get as root, after saying what it installs', () => {
    const plan = planSetup({ missing, os: debian, isRoot: true, hasSudo: false });
    expect(plan).toEqual({
      kind: 'install',
      announce: 'Installing chromium, firefox-esr with apt-get.',
      commands: [
        ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq'],
        ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', 'chromium', 'firefox-esr'],
      ],
      fallback: 'As root, run `apt-get install -y chromium firefox-esr`, then run this again.',
    });
  });

  it('installs through sudo when not root and sudo is there, and says it may ask for a password', () => {
    const plan = planSetup({ missing: ['chromium'], os: debian, isRoot: false, hasSudo: true });
    expect(plan.kind).toBe('install');
    if (plan.kind !== 'install') return;
    expect(plan.announce).toBe('Installing chromium with apt-get through sudo (it may ask for your password).');
    for (const command of plan.commands) expect(command.slice(0, 3)).toEqual(['sudo', 'env', 'DEBIAN_FRONTEND=noninteractive']);
    expect(plan.commands[1]?.slice(-1)).toEqual(['chromium']);
  });

  it('stops with one line naming the apt-get command when not root and without sudo', () => {
    const plan = planSetup({ missing, os: debian, isRoot: false, hasSudo: false });
    expect(plan).toEqual({
      kind: 'stop',
      message: 'Not root and no sudo, so not installed for you: as root, run `apt-get install -y chromium firefox-esr`, then run this again.',
    });
  });

  it('stops with one line naming each program and where it is looked for, on a system that is not Debian', () => {
    const everything = REQUIREMENTS.map((req) => req.pkg);
    for (const os of [null, ubuntu, { id: 'linuxmint', idLike: ['ubuntu', 'debian'] }, { id: 'fedora', idLike: [] }]) {
      const plan = planSetup({ missing: everything, os, isRoot: true, hasSudo: true });
      expect(plan).toEqual({
        kind: 'stop',
        message:
          'Not Debian, so not installed for you: install chromium at /usr/bin/chromium (or set CHROMIUM_PATH), ' +
          'firefox-esr at /usr/bin/firefox-esr (or set FIREFOX_PATH), openssl on the PATH, ffmpeg on the PATH, ' +
          'sqlite3 on the PATH, age on the PATH, expect on the PATH, then run this again.',
      });
      if (plan.kind === 'stop') expect(plan.message).not.toContain('\n');
    }
  });

  it('treats a Debian derivative on Debian’s archive as Debian', () => {
    const plan = planSetup({ missing: ['openssl'], os: { id: 'raspbian', idLike: ['debian'] }, isRoot: true, hasSudo: false });
    expect(plan.kind).toBe('install');
  });
});

describe('requirements', () => {
  it('npm start needs only Chromium; npm test needs both browsers, openssl, ffmpeg, sqlite3, age and expect', () => {
    const forPurpose = (purpose: 'start' | 'test') =>
      REQUIREMENTS.filter((req) => req.purposes.includes(purpose)).map((req) => req.pkg);
    expect(forPurpose('start')).toEqual(['chromium']);
    expect(forPurpose('test')).toEqual(['chromium', 'firefox-esr', 'openssl', 'ffmpeg', 'sqlite3', 'age', 'expect']);
  });
});

describe('parseOsRelease', () => {
  it('reads ID and ID_LIKE, quoted or not', () => {
    expect(parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toEqual(debian);
    expect(parseOsRelease('NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n')).toEqual({
      id: 'linuxmint',
      idLike: ['ubuntu', 'debian'],
    });
    expect(parseOsRelease('')).toEqual({ id: '', idLike: [] });
  });
});
