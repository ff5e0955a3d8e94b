/**
 * Offscreen side: the frames taken for grabs, held until the background asks for their pixels. A frame's pixels
 * are encoded from the moment it is taken, while the page scrolls to its next screen, so the background waits for
 * them only if the encoding is slower than that scroll. At most `maxHeld` frames are kept (a background that
 * stopped asking cannot fill the memory); the oldest goes first.
 */
export class HeldFrames<T> {
  #held = new Map<string, Promise<T>>();
  #next = 1;

  constructor(private readonly maxHeld = 4) {}

  /** Holds a frame whose pixels `pixels` will give; returns its id. */
  hold(pixels: Promise<T>): string {
    const id = `frame-${this.#next++}`;
    // A frame dropped before anyone asks must not leave an unhandled rejection behind.
    pixels.catch(() => undefined);
    this.#held.set(id, pixels);
    for (const oldest of this.#held.keys()) {
      if (this.#held.size <= this.maxHeld) break;
      this.#held.delete(oldest);
    }
    return id;
  }

  /** The pixels of frame `id`, once: the frame is let go. */
  take(id: string): Promise<T> {
    const pixels = this.#held.get(id);
    if (!pixels) return Promise.reject(new Error(`No frame ${id} is held (taken already, or dropped)`));
    this.#held.delete(id);
    return pixels;
  }

  get size(): number {
    return this.#held.size;
  }

  clear(): void {
    this.#held.clear();
  }
}
