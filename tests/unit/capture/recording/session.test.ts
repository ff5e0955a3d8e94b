import { describe, expect, it } from 'vitest';
import { RecordingSession, TICK_MS } from '../../../../lib/capture/recording/session';
import type { RecordingEndCause, RecordingStatus } from '../../../../lib/capture/status';
import { StorageError } from '../../../../lib/storage/evidence-store';
import { FakeRecordingBrowser, PAGE, TAB, WINDOW, settle, type RecordingHooks } from './fake-recording';

function setUp(hooks: RecordingHooks = {}, maxMs = 120_000) {
  const fake = new FakeRecordingBrowser(hooks);
  const session = new RecordingSession({ tabId: TAB, lang: 'en', maxMs }, fake.driver);
  const seen: RecordingStatus[] = [];
  session.subscribe((status) => seen.push(status));
  return { fake, session, seen };
}

async function recording(hooks: RecordingHooks = {}, maxMs?: number, prepare?: (fake: FakeRecordingBrowser) => void): Promise<ReturnType<typeof setUp>> {
  const parts = setUp(hooks, maxMs);
  prepare?.(parts.fake);
  await parts.session.start();
  expect(parts.session.status).toMatchObject({ state: 'running', phase: 'recording' });
  return parts;
}

async function endedBy(session: RecordingSession): Promise<RecordingEndCause> {
  await settle();
  const { status } = session;
  if (status.state !== 'done') throw new Error(`not done: ${JSON.stringify(status)}`);
  return status.summary.endedBy;
}

describe('RecordingSession: start', () => {
  it('binds to the tab, stamps the band with its capture ID, address and running time, and opens the writer with what the recorder is', async () => {
    const { fake, session } = await recording();
    const lines = fake.recorderOptions!.stampLines;
    expect(lines[0]!.value).toContain('{elapsed}');
    expect(lines.map((line) => line.value)).toEqual(expect.arrayContaining([session.captureId, PAGE, 'A video', '2026-11-30T17:00:00.000Z']));
    expect(fake.started).toMatchObject({
      captureId: session.captureId,
      caseId: 'case-1',
      tabUrl: PAGE,
      title: 'A video',
      platform: 'tiktok',
      startedAt: '2026-11-30T17:00:00.000Z',
      method: 'tab-capture',
      audio: true,
      frameRate: null,
    });
    expect(fake.log).toEqual(['recorder', 'writer']);
  });

  it.each([
    ['the tab is gone', (fake: FakeRecordingBrowser): void => void fake.tabs.delete(TAB), 'tab-closed'],
    ['the page cannot be recorded', (fake: FakeRecordingBrowser): void => void (fake.blocked = 'browser-page'), 'browser-page'],
    ['the evidence is locked', (fake: FakeRecordingBrowser): void => void (fake.locked = true), 'locked'],
  ] as const)('refuses when %s, before any recorder runs', async (_what, prepare, code) => {
    const { fake, session } = setUp();
    prepare(fake);
    await session.start();
    expect(session.status).toEqual({ state: 'failed', code });
    expect(fake.log).toEqual([]);
    expect(fake.watching).toBe(false);
  });

  it('a recorder that cannot start fails with its words, and nothing is written', async () => {
    const { fake, session } = setUp({ startRecorder: () => Promise.reject(new Error('Error starting tab capture')) });
    await session.start();
    expect(session.status).toMatchObject({ state: 'failed', code: 'failed', detail: expect.stringContaining('Error starting tab capture') });
    expect(fake.started).toBeNull();
    expect(fake.watching).toBe(false);
  });

  it('a refusal of the browser (no activeTab) says so', async () => {
    const { session } = setUp({ startRecorder: () => Promise.reject(new Error("Extension has not been invoked for the current page (see activeTab permission). Chrome pages cannot be captured.")) });
    await session.start();
    expect(session.status).toMatchObject({ state: 'failed', code: 'not-allowed' });
  });

  it('a writer that cannot open stops the recorder: nothing is kept', async () => {
    const { fake, session } = setUp({ openWriter: () => Promise.reject(new StorageError('quota', 'full')) });
    await session.start();
    await settle();
    expect(session.status).toMatchObject({ state: 'failed', code: 'storage-full' });
    expect(fake.recorderStops).toBe(1);
  });

  it('chunks made before the writer opened are written first, in order', async () => {
    let release = () => {};
    const fake = new FakeRecordingBrowser({ openWriter: () => new Promise<void>((resolve) => (release = resolve)) });
    const session = new RecordingSession({ tabId: TAB, lang: 'en', maxMs: 60_000 }, fake.driver);
    const started = session.start();
    await settle();
    fake.chunk(1);
    fake.chunk(2);
    release();
    await started;
    fake.chunk(3);
    await settle();
    expect(fake.appended.map((chunk) => chunk[0])).toEqual([1, 2, 3]);
  });

  it('stopped while starting: stops as soon as the recorder runs, and keeps what it made', async () => {
    let release = () => {};
    const fake = new FakeRecordingBrowser({ openWriter: () => new Promise<void>((resolve) => (release = resolve)) });
    const session = new RecordingSession({ tabId: TAB, lang: 'en', maxMs: 60_000 }, fake.driver);
    const started = session.start();
    await settle();
    void session.stop();
    release();
    await started;
    expect(await endedBy(session)).toBe('stop');
    expect(fake.finished).not.toBeNull();
  });

  it('a tab that navigated while the recorder started ends it as navigated', async () => {
    const fake = new FakeRecordingBrowser({ openWriter: () => void (fake.tabs.get(TAB)!.url = 'https://example.org/') });
    const session = new RecordingSession({ tabId: TAB, lang: 'en', maxMs: 60_000 }, fake.driver);
    await session.start();
    expect(await endedBy(session)).toBe('navigated');
  });
});

describe('RecordingSession: running and stopping', () => {
  it('tells the running time and the bytes written so far', async () => {
    const { fake, session, seen } = await recording();
    fake.chunk(1, 2, 3);
    await settle();
    fake.advance(1_000);
    expect(session.status).toMatchObject({ state: 'running', phase: 'recording', elapsedMs: 1_000, bytes: 3, audio: true, endedBy: null });
    expect(seen.filter((status) => status.state === 'running' && status.phase === 'recording').length).toBeGreaterThanOrEqual(1_000 / TICK_MS);
  });

  it('stopped by the person: the last chunks are written, then one finish with the recorder poster and duration', async () => {
    const { fake, session } = await recording();
    fake.chunk(1);
    await session.stop();
    expect(fake.appended.map((chunk) => [...chunk])).toEqual([[1], [9, 9]]);
    expect(fake.finished).toMatchObject({ durationMs: 4321, endedBy: 'stop', width: 1280, height: 900 });
    expect(session.status).toEqual({ state: 'done', summary: { captureId: session.captureId, durationMs: 4321, bytes: 3, endedBy: 'stop', audio: true } });
    expect(fake.watching).toBe(false);
  });

  it('stops by itself at the time limit', async () => {
    const { fake, session } = await recording({}, 3_000);
    fake.advance(2_999);
    expect(session.status).toMatchObject({ state: 'running', phase: 'recording' });
    fake.advance(TICK_MS);
    expect(await endedBy(session)).toBe('time-limit');
    expect(fake.finished?.endedBy).toBe('time-limit');
  });

  it.each([
    [{ kind: 'updated', tabId: TAB, url: 'https://www.tiktok.com/@other' }, 'navigated'],
    [{ kind: 'removed', tabId: TAB }, 'tab-closed'],
    [{ kind: 'detached', tabId: TAB }, 'tab-moved'],
    [{ kind: 'attached', tabId: TAB, windowId: 2 }, 'tab-moved'],
  ] as const)('the tab event %j stops it as %s, keeping what was recorded', async (event, cause) => {
    const { fake, session } = await recording();
    fake.emit(event);
    expect(await endedBy(session)).toBe(cause);
    expect(fake.finished?.endedBy).toBe(cause);
    expect(fake.abandoned).toBe(false);
  });

  it.each([
    [{ kind: 'updated', tabId: TAB, url: `${PAGE}#comments` }],
    [{ kind: 'zoom', tabId: TAB, zoom: 1.5 }],
    [{ kind: 'window-resized', windowId: WINDOW }],
    [{ kind: 'activated', tabId: 99, windowId: WINDOW }],
    [{ kind: 'removed', tabId: 99 }],
    [{ kind: 'agent-gone', tabId: TAB }],
  ] as const)('the event %j does not stop a tab-capture recording', async (event) => {
    const { fake, session } = await recording();
    fake.emit(event);
    await settle();
    expect(session.status).toMatchObject({ state: 'running', phase: 'recording' });
  });

  it('frame recording (Firefox) stops when another tab comes in front', async () => {
    const { fake, session } = await recording({}, undefined, (browser) => (browser.needsTabInFront = true));
    expect(fake.started).toMatchObject({ method: 'tab-frames', frameRate: 5 });
    fake.emit({ kind: 'activated', tabId: 99, windowId: WINDOW });
    expect(await endedBy(session)).toBe('hidden');
  });

  it('a lock (auto-lock) stops it and saves it', async () => {
    const { fake, session } = await recording();
    fake.lock();
    expect(await endedBy(session)).toBe('locked');
  });

  it('quick exit (the registry cancels with locked) stops it and saves it without anything to show', async () => {
    const { fake, session } = await recording();
    session.cancel('locked');
    expect(await endedBy(session)).toBe('quick-exit');
    expect(fake.finished?.endedBy).toBe('quick-exit');
  });

  it('the first cause wins', async () => {
    const { fake, session } = await recording();
    fake.emit({ kind: 'updated', tabId: TAB, url: 'https://example.org/' });
    fake.emit({ kind: 'removed', tabId: TAB });
    void session.stop();
    expect(await endedBy(session)).toBe('navigated');
    expect(fake.recorderStops).toBe(1);
  });

  it('the stream ended with its tab closed: tab-closed; with the tab still there: stream-ended', async () => {
    const first = await recording();
    first.fake.tabs.delete(TAB);
    first.fake.recorderOptions!.onEnded('stream-ended');
    expect(await endedBy(first.session)).toBe('tab-closed');
    const second = await recording();
    second.fake.recorderOptions!.onEnded('stream-ended');
    expect(await endedBy(second.session)).toBe('stream-ended');
  });

  it('a recorder failure mid-way: failed with its words, every chunk removed', async () => {
    const { fake, session } = await recording();
    fake.chunk(1);
    await settle();
    fake.recorderOptions!.onEnded('failed', 'MediaRecorder error');
    await settle();
    expect(session.status).toMatchObject({ state: 'failed', code: 'failed', detail: expect.stringContaining('MediaRecorder error') });
    expect(fake.abandoned).toBe(true);
    expect(fake.finished).toBeNull();
  });

  it('a write that fails (disk full) stops the recorder and removes every chunk', async () => {
    const { fake, session } = await recording({ append: (n) => (n === 2 ? Promise.reject(new StorageError('quota', 'full')) : undefined) });
    fake.chunk(1);
    fake.chunk(2);
    await settle();
    expect(session.status).toMatchObject({ state: 'failed', code: 'storage-full' });
    expect(fake.recorderStops).toBe(1);
    expect(fake.abandoned).toBe(true);
    expect(fake.finished).toBeNull();
  });

  it('a final transaction that fails leaves nothing: failed, chunks removed', async () => {
    const { fake, session } = await recording({ finish: () => Promise.reject(new StorageError('locked', 'locked')) });
    await session.stop();
    expect(session.status).toMatchObject({ state: 'failed', code: 'locked' });
    expect(fake.abandoned).toBe(true);
  });

  it('a stop after the end changes nothing', async () => {
    const { fake, session } = await recording();
    await session.stop('time-limit');
    await session.stop('navigated');
    expect(session.status).toMatchObject({ state: 'done', summary: { endedBy: 'time-limit' } });
    expect(fake.log.filter((step) => step === 'finish')).toHaveLength(1);
  });
});
