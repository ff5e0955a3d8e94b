/**
 * The person's settings, kept in extension storage (local to this browser profile).
 */
import type { CapturerRole } from './evidence/types';
import type { CaptureMethodSetting } from './capture/method';
import type { Lang } from './i18n';
import { DEFAULT_NEUTRAL_URL, safeNeutralUrl } from './quick-exit';
import { authorityById, DEFAULT_AUTHORITY_ID } from './proof/authorities';

export interface Settings {
  /** Interface language; 'auto' follows the browser. */
  lang: 'auto' | Lang;
  /** How many screens a full-page capture may take, from the top of a page or back from the current position in a chat. */
  maxScreens: number;
  capturerRole: CapturerRole;
  /** Where quick exit sends the tab: an everyday page that says nothing about why the person was here. */
  neutralUrl: string;
  /** With a passphrase set: lock the evidence after this many seconds without activity (15 minutes by default). */
  autoLockSeconds: number;
  /** A recording of a tab stops by itself after this many seconds (2 minutes by default, 15 at most). */
  maxRecordingSeconds: number;
  /**
   * RFC 3161 trusted timestamps (off by default): each capture's file hashes are sent to `timestampAuthority`
   * (an id of lib/proof/authorities.ts) once it is saved. `timestampsSince`: when they were last switched on.
   */
  trustedTimestamps: boolean;
  timestampAuthority: string;
  timestampsSince: string | null;
  /**
   * Chrome's full-page captures: 'fast' takes the screens from the tab's stream (no 2-per-second limit, visually the
   * same), 'exact' one captureVisibleTab call per screen. Firefox always draws the page exactly.
   */
  captureMethod: CaptureMethodSetting;
  /**
   * Discreet mode (off by default), for a shared computer or browser: neutral titles and icons, no badge, the
   * visits of our pages removed from the browser's history, exports removed from its downloads list (lib/discreet/).
   */
  discreetMode: boolean;
}

/** Screens per full-page capture: one (the view) to 200; 60 by default, enough for most posts and chats. */
export const MIN_SCREENS = 1;
export const MAX_SCREENS_LIMIT = 200;
/** Auto-lock delay bounds: one second (tests) to one day. */
export const AUTO_LOCK_MIN_SECONDS = 1;
export const AUTO_LOCK_MAX_SECONDS = 24 * 60 * 60;
/** Recording length bounds: one second (tests) to 15 minutes. */
export const MIN_RECORDING_SECONDS = 1;
export const MAX_RECORDING_SECONDS_LIMIT = 15 * 60;

export const DEFAULT_SETTINGS: Settings = {
  lang: 'auto',
  maxScreens: 60,
  capturerRole: 'victim',
  neutralUrl: DEFAULT_NEUTRAL_URL,
  autoLockSeconds: 15 * 60,
  maxRecordingSeconds: 2 * 60,
  trustedTimestamps: false,
  timestampAuthority: DEFAULT_AUTHORITY_ID,
  timestampsSince: null,
  // Exact by default: the stream measured under 3x the quota's speed here (docs/capture.md).
  captureMethod: 'exact',
  discreetMode: false,
};

/** Settings read from storage, with anything missing or out of range replaced by its default. */
export function normalizeSettings(stored: Partial<Record<keyof Settings, unknown>> | undefined): Settings {
  const value = stored ?? {};
  const lang = value.lang === 'nl' || value.lang === 'fr' || value.lang === 'en' ? value.lang : 'auto';
  const screens = typeof value.maxScreens === 'number' && Number.isFinite(value.maxScreens) ? Math.round(value.maxScreens) : DEFAULT_SETTINGS.maxScreens;
  const autoLock =
    typeof value.autoLockSeconds === 'number' && Number.isFinite(value.autoLockSeconds)
      ? Math.min(AUTO_LOCK_MAX_SECONDS, Math.max(AUTO_LOCK_MIN_SECONDS, Math.round(value.autoLockSeconds)))
      : DEFAULT_SETTINGS.autoLockSeconds;
  const recording =
    typeof value.maxRecordingSeconds === 'number' && Number.isFinite(value.maxRecordingSeconds)
      ? Math.min(MAX_RECORDING_SECONDS_LIMIT, Math.max(MIN_RECORDING_SECONDS, Math.round(value.maxRecordingSeconds)))
      : DEFAULT_SETTINGS.maxRecordingSeconds;
  const role = value.capturerRole === 'staff' || value.capturerRole === 'helper' ? value.capturerRole : 'victim';
  return {
    lang,
    maxScreens: Math.min(MAX_SCREENS_LIMIT, Math.max(MIN_SCREENS, screens)),
    capturerRole: role,
    neutralUrl: safeNeutralUrl(value.neutralUrl ?? DEFAULT_NEUTRAL_URL),
    autoLockSeconds: autoLock,
    maxRecordingSeconds: recording,
    ...normalizeTimestamps(value),
    captureMethod: value.captureMethod === 'fast' || value.captureMethod === 'exact' ? value.captureMethod : DEFAULT_SETTINGS.captureMethod,
    discreetMode: value.discreetMode === true,
  };
}

function normalizeTimestamps(
  value: Partial<Record<keyof Settings, unknown>>,
): Pick<Settings, 'trustedTimestamps' | 'timestampAuthority' | 'timestampsSince'> {
  const authority = typeof value.timestampAuthority === 'string' && authorityById(value.timestampAuthority) ? value.timestampAuthority : DEFAULT_AUTHORITY_ID;
  const since = typeof value.timestampsSince === 'string' && !Number.isNaN(Date.parse(value.timestampsSince)) ? value.timestampsSince : null;
  return { trustedTimestamps: value.trustedTimestamps === true, timestampAuthority: authority, timestampsSince: since };
}

/** Why a number typed in a setting was refused. */
export type WholeNumberError = 'not-whole' | 'out-of-range';

/**
 * A number typed in a setting of the manager: a whole number within `bounds`, or why not. Out-of-range values are
 * refused with a message rather than clamped, so the person knows what was kept.
 */
export function parseWholeNumber(typed: string, bounds: { min: number; max: number }): { value: number } | { error: WholeNumberError } {
  const text = typed.trim();
  if (!/^\d+$/.test(text)) return { error: 'not-whole' };
  const value = Number(text);
  return value >= bounds.min && value <= bounds.max ? { value } : { error: 'out-of-range' };
}
