/**
 * Snowflake ids (Discord, X) carry their creation time in the bits above bit 22: milliseconds since a platform
 * epoch. Ids exceed 2^53, so every step uses BigInt; a Number would silently round the id.
 */

/** Discord's epoch: 2015-01-01T00:00:00.000Z. */
export const DISCORD_EPOCH = 1420070400000n;
/** X's (Twitter's) epoch: 2010-11-04T01:42:54.657Z. */
export const X_EPOCH = 1288834974657n;

/** Snowflakes are unsigned 64-bit integers; anything wider is not a snowflake. */
const MAX_SNOWFLAKE = (1n << 64n) - 1n;
/** The largest time a JavaScript Date can hold (ECMAScript: ±8.64e15 ms). */
const MAX_DATE_MS = 8_640_000_000_000_000n;

/** The creation time encoded in `id`, or null when `id` is not a decimal snowflake in range. */
export function snowflakeTime(id: string, epochMs: bigint): Date | null {
  if (!/^\d{1,20}$/.test(id)) return null;
  const value = BigInt(id);
  if (value > MAX_SNOWFLAKE) return null;
  const ms = (value >> 22n) + epochMs;
  if (ms > MAX_DATE_MS) return null;
  return new Date(Number(ms));
}

/** The creation time as ISO 8601 (UTC), or undefined: the shape `ParsedUrl.createdAt` wants. */
export function snowflakeIso(id: string, epochMs: bigint): string | undefined {
  return snowflakeTime(id, epochMs)?.toISOString();
}

/**
 * TikTok's video and photo-post ids carry their creation time in their upper 32 bits, in seconds since 1970 (as
 * open-source forensic tools such as Unfurl read them). Comment ids look alike but are not used: on a saved page
 * one comment's id decodes to seven hours before its video's. Ids that decode to before TikTok existed are not such
 * ids.
 */
const TIKTOK_FIRST_SECOND = 1_451_606_400n; // 2016-01-01T00:00:00Z

/** The creation time a TikTok id encodes, as ISO 8601 (UTC), or undefined for anything else. */
export function tiktokIdIso(id: string): string | undefined {
  if (!/^\d{16,20}$/.test(id)) return undefined;
  const value = BigInt(id);
  if (value > MAX_SNOWFLAKE) return undefined;
  const seconds = value >> 32n;
  return seconds < TIKTOK_FIRST_SECOND ? undefined : new Date(Number(seconds) * 1000).toISOString();
}
