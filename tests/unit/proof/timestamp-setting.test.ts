/**
 * The Trusted timestamps setting: off by default; switching on asks the browser for the chosen authority's host
 * only, and stays off when refused; switching off or changing authority gives the host back. And the one request
 * that leaves the extension (tsa-client.ts): a POST of the DER request, no cookies or referrer, failures named.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSettings } from '../../../lib/browser/settings';
import { switchTimestampsOff, switchTimestampsOn, timestampHostGranted } from '../../../lib/browser/timestamp-setting';
import { authorityById, authorityPermission, TIMESTAMP_AUTHORITIES } from '../../../lib/proof/authorities';
import { postTimestampQuery } from '../../../lib/proof/tsa-client';
import type { TimestampTrust } from '../../../lib/proof/timestamp-trust';
import { captureTimestampState, timestampReason } from '../../../lib/proof/timestamp-state';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../lib/settings';

/** The browser's granted hosts, and its answer to the next permission request. */
function fakePermissions(answer: boolean) {
  const granted = new Set<string>();
  const asked: string[][] = [];
  const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
  permissions.request = vi.fn(async ({ origins }: { origins: string[] }) => {
    asked.push(origins);
    if (answer) origins.forEach((origin) => granted.add(origin));
    return answer;
  });
  permissions.remove = vi.fn(async ({ origins }: { origins: string[] }) => {
    origins.forEach((origin) => granted.delete(origin));
    return true;
  });
  permissions.contains = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin)));
  return { granted, asked };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.unstubAllGlobals());

describe('the Trusted timestamps setting', () => {
  it('is off by default, with a listed authority; an unknown authority or a bad date falls back', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ trustedTimestamps: false, timestampAuthority: 'freetsa', timestampsSince: null });
    expect(normalizeSettings({ trustedTimestamps: 'yes', timestampAuthority: 'https://evil.example', timestampsSince: 'soon' })).toMatchObject({
      trustedTimestamps: false,
      timestampAuthority: 'freetsa',
      timestampsSince: null,
    });
    expect(normalizeSettings({ trustedTimestamps: true, timestampAuthority: 'digicert' })).toMatchObject({ trustedTimestamps: true, timestampAuthority: 'digicert' });
  });

  it('switched on: asks for that one host, and is on only once granted', async () => {
    const browser = fakePermissions(true);
    expect(await switchTimestampsOn('sectigo')).toBe('on');
    expect(browser.asked).toEqual([['https://timestamp.sectigo.com/*']]);
    const settings = await loadSettings();
    expect(settings).toMatchObject({ trustedTimestamps: true, timestampAuthority: 'sectigo' });
    expect(Date.parse(settings.timestampsSince!)).not.toBeNaN();
    expect(await timestampHostGranted('sectigo')).toBe(true);

    // Another authority: its host is asked for, the previous one given back.
    expect(await switchTimestampsOn('digicert')).toBe('on');
    expect([...browser.granted]).toEqual(['https://timestamp.digicert.com/*']);
    // Off: given back too, and nothing is granted any more.
    expect(await switchTimestampsOff()).toBe('off');
    expect(browser.granted.size).toBe(0);
    expect(await loadSettings()).toMatchObject({ trustedTimestamps: false, timestampsSince: null });
  });

  it('refused by the browser (or an authority not on the list): stays off', async () => {
    const browser = fakePermissions(false);
    expect(await switchTimestampsOn('freetsa')).toBe('refused');
    expect((await loadSettings()).trustedTimestamps).toBe(false);
    expect(await switchTimestampsOn('typed-in.example')).toBe('refused');
    expect(browser.asked).toEqual([['https://freetsa.org/*']]);
  });

  it('lists authorities whose every URL is https, with a host permission each', () => {
    for (const authority of TIMESTAMP_AUTHORITIES) {
      expect(new URL(authority.url).protocol).toBe('https:');
      expect(authorityPermission(authority.url)).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
      expect(authorityById(authority.id)).toBe(authority);
    }
  });
});

describe('the request to the authority', () => {
  it('POSTs the DER request as application/timestamp-query, without cookies, referrer or redirects', async () => {
    const fetch = vi.fn(async () => new Response(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])));
    vi.stubGlobal('fetch', fetch);
    const body = new Uint8Array([0x30, 0x00]);
    expect(await postTimestampQuery('https://freetsa.org/tsr', body)).toEqual(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://freetsa.org/tsr');
    expect(init).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body, credentials: 'omit', redirect: 'error', referrerPolicy: 'no-referrer' });
  });

  it('names the failure: unreachable, refused (HTTP), timed out', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(postTimestampQuery('https://freetsa.org/tsr', new Uint8Array())).rejects.toMatchObject({ code: 'network', message: 'The authority could not be reached (Failed to fetch).' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('busy', { status: 503 })));
    await expect(postTimestampQuery('https://freetsa.org/tsr', new Uint8Array())).rejects.toMatchObject({ code: 'http', message: 'The authority answered HTTP 503.' });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new DOMException('signal timed out', 'TimeoutError'))));
    await expect(postTimestampQuery('https://freetsa.org/tsr', new Uint8Array())).rejects.toMatchObject({ code: 'timeout', message: 'No answer within 20 seconds.' });
  });
});

describe('what the manager says of a capture', () => {
  it('nothing without records; the known authority and latest time once all are stamped and verified; not verified otherwise; the last reason while pending', () => {
    expect(captureTimestampState([], new Map())).toEqual({ kind: 'none' });
    const base = { subject: 'file' as const, captureId: 'c', caseId: null, seq: null, sha256: 'a'.repeat(64), queuedAt: '', attempts: 1, nextAttemptAt: '', chain: [], response: null, serial: null };
    // The manifest's or record's own names (authorityUrl, authority) are never what is shown.
    const stamped = (fileId: string, genTime: string) => ({ ...base, id: fileId, fileId, state: 'stamped' as const, lastError: null, authorityUrl: 'https://timestamp.digicert.com', genTime, authority: 'CN=DigiCert Timestamp 2023' });
    const pending = (fileId: string, code: string, at: string) => ({ ...base, id: fileId, fileId, state: 'pending' as const, lastError: { code, message: code, at }, authorityUrl: null, genTime: null, authority: null });
    const freetsa: TimestampTrust = { kind: 'trusted' as const, authorityId: 'freetsa', rootName: 'Free TSA Root CA (www.freetsa.org)', rootSha256: 'a6' };
    const unknown: TimestampTrust = { kind: 'unverified' as const, reason: 'unknown-authority' as const };
    const records = [stamped('a', '2026-11-30T10:00:01Z'), stamped('b', '2026-11-30T10:00:02Z')];
    expect(captureTimestampState(records, new Map([['a', freetsa], ['b', freetsa]]))).toEqual({ kind: 'stamped', authority: 'FreeTSA (freetsa.org)', genTime: '2026-11-30T10:00:02Z' });
    expect(captureTimestampState(records, new Map<string, TimestampTrust>([['a', freetsa], ['b', unknown]]))).toEqual({ kind: 'unverified', reason: 'unknown-authority', genTime: '2026-11-30T10:00:02Z' });
    expect(captureTimestampState(records, new Map())).toMatchObject({ kind: 'unverified' });
    expect(captureTimestampState([stamped('a', 'x'), pending('b', 'timeout', '1'), pending('c', 'wrong-nonce', '2')], new Map())).toEqual({
      kind: 'pending',
      stamped: 1,
      total: 3,
      lastError: { code: 'wrong-nonce', message: 'wrong-nonce' },
    });
    expect(timestampReason('wrong-nonce')).toBe('wrong-nonce');
    expect(timestampReason('too-large')).toBe('other');
  });
});
