/**
 * age's passphrase step (scrypt, about a second and 256 MiB) off the page: the page that imports an encrypted
 * bundle keeps answering, and Cancel can stop it (the page ends this worker). See age-scrypt.ts.
 */
import { Decrypter, type Stanza } from 'age-encryption';

interface Request {
  passphrase: string;
  stanzas: Stanza[];
}

self.onmessage = async (event: MessageEvent<Request>) => {
  try {
    const decrypter = new Decrypter();
    decrypter.addPassphrase(event.data.passphrase);
    // The passphrase identity is the one age itself uses; only where it runs differs.
    const unwrap = (decrypter as unknown as { unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> }).unwrapFileKey;
    const fileKey = await unwrap.call(decrypter, event.data.stanzas);
    self.postMessage({ fileKey });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
