/**
 * Collects a bundle written by writeBundle into one Blob while the page holds little of it: pieces of stored files
 * are kept as the Blob slices they came from (references, no bytes), and new bytes (headers, generated files,
 * decrypted chunks of a recording) are joined into a Blob every `flushBytes`, which hands them to the browser's
 * blob storage (out of the page's heap, on disk when large). So exporting a 500 MB recording holds at most about
 * `flushBytes` plus one chunk in the page.
 */
export class BlobCollector {
  private parts: BlobPart[] = [];
  private held = 0;
  private joined: Blob = new Blob([]);

  constructor(private readonly flushBytes = 8 << 20) {}

  /** One piece of the ZIP, in order; `origin` is the stored Blob it is a verbatim copy of, if any. */
  add(chunk: Uint8Array, origin?: Blob): void {
    if (origin) {
      this.parts.push(origin);
      return;
    }
    this.parts.push(chunk as Uint8Array<ArrayBuffer>);
    this.held += chunk.length;
    if (this.held >= this.flushBytes) this.flush();
  }

  /** Bytes held in the page right now (not yet handed to a Blob). */
  get heldBytes(): number {
    return this.held;
  }

  blob(type: string): Blob {
    this.flush();
    return new Blob([this.joined], { type });
  }

  private flush(): void {
    this.joined = new Blob([this.joined, ...this.parts]);
    this.parts = [];
    this.held = 0;
  }
}
