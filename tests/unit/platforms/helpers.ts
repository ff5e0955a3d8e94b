import { expect, it } from 'vitest';
import { parsePlatformUrl } from '../../../lib/platforms/registry';
import type { PageIds, PageKind, PlatformId } from '../../../lib/platforms/types';

/** One row of a platform's URL table. */
export interface UrlCase {
  input: string;
  kind: PageKind;
  /** Exactly the ids expected (default: none). */
  ids?: PageIds;
  /** Expected canonical address (default: the input without its fragment). */
  url?: string;
  /** Expected creation time (default: none). */
  createdAt?: string;
}

/** Independent of lib/platforms/snowflake.ts: division instead of a shift, and the epoch as an ISO date. */
export function expectedSnowflakeTime(id: string, epochIso: string): string {
  const millisecondsSinceEpoch = BigInt(id) / 4194304n; // 2^22
  return new Date(Date.parse(epochIso) + Number(millisecondsSinceEpoch)).toISOString();
}
export const DISCORD_EPOCH_ISO = '2015-01-01T00:00:00.000Z';
export const X_EPOCH_ISO = '2010-11-04T01:42:54.657Z';

function inputWithoutFragment(input: string): string {
  const url = new URL(input.trim());
  url.hash = '';
  return url.href;
}

/** One test per row: the registry gives this platform, kind, ids, canonical url and creation time. */
export function itParsesEach(platform: PlatformId, cases: readonly UrlCase[]): void {
  for (const row of cases) {
    it(`${row.input} → ${row.kind}`, () => {
      const parsed = parsePlatformUrl(row.input);
      expect(parsed).not.toBeNull();
      expect({
        platform: parsed?.platform,
        kind: parsed?.kind,
        ids: parsed?.ids,
        url: parsed?.url,
        createdAt: parsed?.createdAt,
      }).toStrictEqual({
        platform,
        kind: row.kind,
        ids: row.ids ?? {},
        url: row.url ?? inputWithoutFragment(row.input),
        createdAt: row.createdAt,
      });
    });
  }
}

/** One test per input: the registry does not attribute it to `platform` (null, or another platform). */
export function itRejectsEach(platform: PlatformId, inputs: readonly string[]): void {
  for (const input of inputs) {
    it(`${input} is not ${platform}`, () => {
      expect(parsePlatformUrl(input)?.platform).not.toBe(platform);
    });
  }
}
