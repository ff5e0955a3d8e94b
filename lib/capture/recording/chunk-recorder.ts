/**
 * MediaRecorder around the banded canvas's stream (and the tab's sound, where there is one): WebM chunks, in
 * order, as bytes, every `TIMESLICE_MS`; memory holds at most the chunk being handed over.
 */

export const TIMESLICE_MS = 1000;
/** About 2.5 Mbit/s: a 1280x900 page video stays readable (text) at about 19 MB a minute. */
const VIDEO_BITS_PER_SECOND = 2_500_000;

/** The first WebM type this browser records, with sound or picture only. */
export function pickMimeType(audio: boolean, isSupported: (type: string) => boolean = (type) => MediaRecorder.isTypeSupported(type)): string {
  const candidates = audio
    ? ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm']
    : ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];
  const found = candidates.find(isSupported);
  if (!found) throw new Error('This browser cannot record WebM video');
  return found;
}

export class ChunkRecorder {
  readonly mimeType: string;
  readonly #recorder: MediaRecorder;
  #delivered: Promise<void> = Promise.resolve();
  #stopped: Promise<void> | null = null;
  #startedAt = 0;
  #stoppedAt = 0;

  constructor(
    stream: MediaStream,
    audio: boolean,
    onChunk: (chunk: Uint8Array) => void,
    onError: (detail: string) => void,
  ) {
    this.mimeType = pickMimeType(audio);
    this.#recorder = new MediaRecorder(stream, { mimeType: this.mimeType, videoBitsPerSecond: VIDEO_BITS_PER_SECOND });
    // Blob to bytes is asynchronous: a chain keeps the chunks in the order they were made.
    this.#recorder.ondataavailable = (event: BlobEvent) => {
      if (event.data.size === 0) return;
      const data = event.data;
      this.#delivered = this.#delivered.then(async () => onChunk(new Uint8Array(await data.arrayBuffer())));
    };
    this.#recorder.onerror = (event: Event) => onError(String((event as { error?: unknown }).error ?? 'MediaRecorder error'));
  }

  start(): void {
    this.#recorder.start(TIMESLICE_MS);
    this.#startedAt = performance.now();
  }

  /** How long it has recorded (until its stop), in ms. */
  get durationMs(): number {
    return Math.round((this.#stoppedAt || performance.now()) - this.#startedAt);
  }

  /** Resolves once the last chunk has been handed over. Idempotent. */
  stop(): Promise<void> {
    this.#stopped ??= new Promise<void>((resolve) => {
      this.#stoppedAt = performance.now();
      if (this.#recorder.state === 'inactive') return resolve();
      this.#recorder.addEventListener('stop', () => resolve(), { once: true });
      this.#recorder.stop();
    }).then(() => this.#delivered);
    return this.#stopped;
  }
}
