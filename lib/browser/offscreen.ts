/**
 * The extension's one Chrome offscreen document (Chrome allows a single one per extension): made when a user of it
 * (the tab stream, the recorder) asks, closed when the last user lets go. Firefox has no offscreen documents.
 *
 * Race-free: every create and close goes through one queue, so two users asking at once get the same document
 * and a close never overtakes a create. It also asks the browser whether the document already exists (a service
 * worker woken again has lost its memory but not its document).
 */

/** The part of `chrome.offscreen` and `chrome.runtime` used here (a fake in unit tests). */
export interface OffscreenApi {
  hasDocument(): Promise<boolean>;
  createDocument(): Promise<void>;
  closeDocument(): Promise<void>;
}

export const OFFSCREEN_PATH = '/offscreen.html';

export class OffscreenDocuments {
  #users = new Set<string>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly api: OffscreenApi) {}

  /** Makes sure the document exists and counts `user` among its users until `release(user)`. */
  acquire(user: string): Promise<void> {
    this.#users.add(user);
    return this.#enqueue(async () => {
      if (!this.#users.has(user)) return; // released before its turn came
      if (await this.api.hasDocument()) return;
      try {
        await this.api.createDocument();
      } catch (error) {
        // Another context of ours made it in between ("Only a single offscreen document may be created").
        if (!(await this.api.hasDocument())) {
          this.#users.delete(user);
          throw error;
        }
      }
    });
  }

  /** `user` no longer needs the document; the last one out closes it. */
  release(user: string): Promise<void> {
    if (!this.#users.delete(user)) return this.#queue.then(() => undefined, () => undefined);
    return this.#enqueue(async () => {
      if (this.#users.size > 0 || !(await this.api.hasDocument())) return;
      await this.api.closeDocument().catch(() => undefined); // closed meanwhile: nothing to do
    });
  }

  get users(): ReadonlySet<string> {
    return this.#users;
  }

  #enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(step, step);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

interface ChromeOffscreen {
  offscreen: {
    createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getURL(path: string): string;
    getContexts(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
  };
}

function chromeOffscreenApi(): OffscreenApi {
  const chromeApi = (globalThis as unknown as { chrome: ChromeOffscreen }).chrome;
  const url = chromeApi.runtime.getURL(OFFSCREEN_PATH);
  return {
    hasDocument: async () => (await chromeApi.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0,
    createDocument: () =>
      chromeApi.offscreen.createDocument({
        url,
        reasons: ['USER_MEDIA'],
        justification: 'Reads the captured tab (tabCapture) for screenshots and recordings the person asked for.',
      }),
    closeDocument: () => chromeApi.offscreen.closeDocument(),
  };
}

let documents: OffscreenDocuments | null = null;

/** The background's one manager of the offscreen document (Chrome only). */
export function offscreenDocuments(): OffscreenDocuments {
  documents ??= new OffscreenDocuments(chromeOffscreenApi());
  return documents;
}

/** True where the browser has offscreen documents and tab capture (Chrome, not Firefox). */
export function hasOffscreenTabCapture(): boolean {
  const chromeApi = (globalThis as unknown as { chrome?: { offscreen?: unknown; tabCapture?: unknown } }).chrome;
  return !import.meta.env.FIREFOX && !!chromeApi?.offscreen && !!chromeApi?.tabCapture;
}
