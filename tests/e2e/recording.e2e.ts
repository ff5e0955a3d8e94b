/**
 * "Record this tab", as a person uses it, in Chromium (the tab's stream, with its sound) and Firefox (frames of
 * the tab, picture only): a fixture page shows a colour per second and a counter. The stored WebM decodes with
 * ffprobe/ffmpeg, lasts as long as the recording (within 10%), shows the colours in order, and every sampled frame
 * has the evidence band above the page's picture. Stop by the button, by the time limit and by navigation each
 * store exactly one recording; closing the tab stores one whole recording that says so, never chunks left over.
 */
import { describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../../lib/evidence/types';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clickButton, until, type DrivenPage } from './support/driver';
import { storedCaptures, updateSettings } from './support/evidence';
import { openManager } from './support/manager';
import { fill } from './support/passphrase';
import type { Rgb } from './support/pixels';
import { bandHeight, pageColour, pendingRecordings, probeVideo, sampleFrames, storedVideoBytes } from './support/video';

const ANIMATION = 'https://example.org/animation';
/** The fixture's colours, one a second, in this order (tests/e2e/fixtures/recording-animation.html). */
const PALETTE: Rgb[] = [
  [0xff, 0, 0],
  [0, 0xc0, 0],
  [0, 0, 0xff],
  [0xff, 0xff, 0],
  [0xff, 0, 0xff],
  [0, 0xff, 0xff],
];

function outcome(popup: DrivenPage, timeoutMs = 60_000) {
  return popup.waitFor(
    () => {
      const done = document.querySelector('[data-testid="recording-result"]');
      if (done) return { id: done.getAttribute('data-capture-id')!, endedBy: done.getAttribute('data-ended-by')!, text: done.textContent?.trim() ?? '' };
      const error = document.querySelector('[data-testid="recording-error"]');
      if (error) throw new Error(`Recording failed: ${error.getAttribute('data-code')}: ${error.textContent?.trim()}`);
      return null;
    },
    null,
    timeoutMs,
  );
}

function recordingRunning(popup: DrivenPage, seconds: number) {
  return popup.waitFor(
    (at: number) => {
      const progress = document.querySelector('[data-testid="recording-progress"]')?.textContent ?? '';
      const shown = /(\d+):(\d\d):(\d\d)/.exec(progress);
      return shown && +shown[1]! * 3600 + +shown[2]! * 60 + +shown[3]! >= at ? progress : null;
    },
    seconds,
  );
}

/** The colours of the sampled frames, each checked for the band above the page's picture. */
function coloursOf(video: Buffer): number[] {
  const frames = sampleFrames(video, 4);
  expect(frames.length).toBeGreaterThan(4);
  return frames.map((frame, index) => {
    const top = bandHeight(frame);
    expect(top, `frame ${index}: the band above the picture`).not.toBeNull();
    return pageColour(frame, top!, PALETTE);
  });
}

/**
 * Each change of colour is to the next one of the palette: the seconds are in order. A page that did not paint
 * for a whole second (this shared 2-core machine under load; seen once in Chromium) skips one colour: allowed
 * and printed, never a colour backwards or again.
 */
function expectInOrder(colours: number[]): void {
  const runs = colours.filter((colour, index) => index === 0 || colour !== colours[index - 1]);
  expect(runs.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < runs.length; i += 1) {
    const step = (runs[i]! - runs[i - 1]! + PALETTE.length) % PALETTE.length;
    expect([1, 2], `colours ${runs.join(',')}`).toContain(step);
    if (step === 2) console.log(`a second's colour is missing: the page did not paint it (colours ${runs.join(',')})`);
  }
}

describe.each(BROWSERS)('recording a tab in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, {
    routes: [{ host: /^example\.org$/, path: /^\/animation/, file: 'recording-animation.html' }],
  });

  async function startRecording(url = ANIMATION) {
    const tab = await browser().openTab(url);
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tab.tabId}`);
    await clickButton(popup, 'Record this tab');
    return { ...tab, popup };
  }

  async function storedRecording(id: string): Promise<{ record: CaptureRecord; video: Buffer }> {
    const record = await until(async () => (await storedCaptures(browser())).find((capture) => capture.id === id), `the record of ${id}`);
    const file = record.files.find((stored) => stored.role === 'video')!;
    expect(file.mime).toBe('video/webm');
    return { record, video: await storedVideoBytes(browser(), file.id) };
  }

  /** Types the length into the manager's setting, as a person does; a value out of range is refused first. */
  async function setMaxRecordingSeconds(seconds: number): Promise<void> {
    const manager = await openManager(browser(), 'settings');
    await manager.waitFor(() => document.querySelector('#recording-length-seconds'), null);
    await fill(manager, '#recording-length-seconds', '0');
    await manager.click('[data-testid="recording-length-save"]');
    const refused = await manager.waitFor(() => document.querySelector('[data-testid="recording-length-error"]')?.textContent ?? null, null);
    expect(refused).toBe('The length must be from 1 second to 900 seconds (15 minutes). Nothing was changed.');
    await fill(manager, '#recording-length-seconds', String(seconds));
    await manager.click('[data-testid="recording-length-save"]');
    await manager.waitFor(() => document.querySelector('[data-testid="recording-length-saved"]'), null);
    await manager.close();
  }

  async function recordingsCount(): Promise<number> {
    return (await storedCaptures(browser())).filter((capture) => capture.mode === 'video').length;
  }

  it('stopped with the button: one recording, as long as it ran, colours in order, the band on every frame', async () => {
    const before = await recordingsCount();
    const { popup } = await startRecording();
    const note = await popup.evaluate(() => document.querySelector('[data-testid="recording-running"]')?.textContent ?? '', null);
    if (browserName === 'firefox') expect(note).toContain('Picture only, no sound');
    await recordingRunning(popup, 4);
    await clickButton(popup, 'Stop recording');
    const result = await outcome(popup);
    expect(result.endedBy).toBe('stop');
    expect(result.text).toContain('You stopped it.');
    const { record, video } = await storedRecording(result.id);
    const facts = probeVideo(video);
    const seconds = record.recording!.durationMs! / 1000;
    expect(seconds).toBeGreaterThanOrEqual(4);
    expect(Math.abs(facts.durationSeconds - seconds) / seconds).toBeLessThan(0.1);
    expect(record.recording).toMatchObject({ endedBy: 'stop', audio: browserName === 'chromium', method: browserName === 'chromium' ? 'tab-capture' : 'tab-frames' });
    if (browserName === 'chromium') expect(facts.hasAudio).toBe(true);
    if (browserName === 'firefox') expect(record.recording!.frameRate).toBeGreaterThan(0);
    expectInOrder(coloursOf(video));
    console.log(`${browserName}: ${seconds.toFixed(2)} s recorded, video ${facts.durationSeconds.toFixed(2)} s, ${facts.frames} frames (${(facts.frames / facts.durationSeconds).toFixed(1)}/s), ${(video.length / seconds / 1024).toFixed(0)} KB/s, ${facts.codecs.join('+')}`);
    expect(await recordingsCount()).toBe(before + 1);
  });

  it('stops by itself at the time limit (a short one set in the manager): one recording of that length', async () => {
    await setMaxRecordingSeconds(3);
    try {
      const before = await recordingsCount();
      const { popup } = await startRecording();
      const result = await outcome(popup);
      expect(result.endedBy).toBe('time-limit');
      expect(result.text).toContain('maximum length (0:00:03)');
      const { video } = await storedRecording(result.id);
      expect(Math.abs(probeVideo(video).durationSeconds - 3) / 3).toBeLessThan(0.1);
      expectInOrder(coloursOf(video));
      expect(await recordingsCount()).toBe(before + 1);
    } finally {
      await updateSettings(browser(), { maxRecordingSeconds: 120 });
    }
  });

  it('stops when the tab goes to another page, and says so: one recording', async () => {
    const before = await recordingsCount();
    const { popup, page } = await startRecording();
    await recordingRunning(popup, 2);
    await page.goto('https://example.org/other');
    const result = await outcome(popup);
    expect(result.endedBy).toBe('navigated');
    expect(result.text).toContain('went to another page');
    const { video } = await storedRecording(result.id);
    expect(probeVideo(video).frames).toBeGreaterThan(0);
    expect(await recordingsCount()).toBe(before + 1);
  });

  it('quick exit: the recording stops and is saved, as ended by quick exit, while everything hides (Chromium)', async (context) => {
    // Firefox: the test reaches the extension only through one of its pages, which quick exit closes.
    if (browserName === 'firefox') return context.skip();
    await updateSettings(browser(), { neutralUrl: 'https://example.org/neutral-weather' });
    const before = await recordingsCount();
    const { popup, page } = await startRecording();
    await recordingRunning(popup, 2);
    for (let i = 0; i < 3; i += 1) await popup.press('Shift');
    await until(async () => (await page.url()) === 'https://example.org/neutral-weather', 'the neutral page');
    const stored = await until(async () => (await storedCaptures(browser())).filter((capture) => capture.mode === 'video').slice(before)[0], 'the recording saved');
    expect(stored.recording).toMatchObject({ endedBy: 'quick-exit', partial: false });
    const { video } = await storedRecording(stored.id);
    expect(probeVideo(video).frames).toBeGreaterThan(0);
    expect(await recordingsCount()).toBe(before + 1);
  });

  it('the tab closed: the recording up to then is stored whole, marked as ended by the closing; no chunk left over', async () => {
    const before = await recordingsCount();
    const { popup, page } = await startRecording();
    await recordingRunning(popup, 2);
    await page.close();
    const result = await outcome(popup);
    expect(result.endedBy).toBe('tab-closed');
    expect(result.text).toContain('the tab was closed');
    const { record, video } = await storedRecording(result.id);
    expect(record.recording).toMatchObject({ endedBy: 'tab-closed', partial: false });
    expect(probeVideo(video).frames).toBeGreaterThan(0);
    expect(await recordingsCount()).toBe(before + 1);
    expect((await pendingRecordings(browser())).pending).toBe(0);
  });
});
