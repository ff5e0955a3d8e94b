/**
 * age keys as people handle them: the public keys (`age1…`) a sender types or pastes, one per line, checked as
 * they are typed; and a receiving identity (`AGE-SECRET-KEY-1…`), made here, saved to a file the `age` tool reads
 * (`age -d -i key.txt`), and read back. Only X25519 keys: the `age` tool of Debian 12 (1.1) cannot read the
 * post-quantum ones.
 */
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

export type RecipientProblem =
  /** A secret key was pasted where a public key belongs: it must never be shared. */
  | 'secret-key'
  /** A post-quantum (`age1pq1…`) key, which the age tool of Debian 12 cannot use. */
  | 'post-quantum'
  /** Another kind of key (hardware tag, SSH): not used by this tool. */
  | 'unsupported'
  /** Does not look like an age key at all. */
  | 'not-a-key'
  /** Looks like one but a character is wrong (its checksum fails) or it is cut. */
  | 'invalid'
  /** The same key twice. */
  | 'duplicate';

export interface RecipientLine {
  /** 1-based line number in what was typed. */
  line: number;
  /** The line as typed, trimmed. */
  text: string;
  problem: RecipientProblem | null;
}

export interface RecipientCheck {
  /** Every non-empty, non-comment line, with its problem if any. */
  lines: RecipientLine[];
  /** The good keys, in order, each once. */
  recipients: string[];
}

/** Checks what was typed in the recipients field: one key per line; empty lines and `#` comments are skipped. */
export function checkRecipientLines(text: string): RecipientCheck {
  const lines: RecipientLine[] = [];
  const recipients: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    let problem = recipientProblem(line);
    if (!problem && recipients.includes(line)) problem = 'duplicate';
    if (!problem) recipients.push(line);
    lines.push({ line: index + 1, text: line, problem });
  });
  return { lines, recipients };
}

export function recipientProblem(key: string): RecipientProblem | null {
  if (/^AGE-SECRET-KEY-/i.test(key)) return 'secret-key';
  if (/^age1pq1/i.test(key)) return 'post-quantum';
  if (/^age1tag/i.test(key) || /^(ssh-|sk-ssh-|ecdsa-sha2-)/.test(key)) return 'unsupported';
  if (!/^age1/i.test(key)) return 'not-a-key';
  // age keys are written in lower case (bech32 allows either, the age tool only lower case).
  if (key !== key.toLowerCase()) return 'invalid';
  try {
    // The library's own parser: bech32 checksum, prefix and a 32-byte key.
    new Encrypter().addRecipient(key);
  } catch {
    return 'invalid';
  }
  return null;
}

export interface AgeIdentity {
  /** `AGE-SECRET-KEY-1…`: the private key. */
  identity: string;
  /** `age1…`: the public key to give to senders. */
  recipient: string;
}

/** A new X25519 key pair. */
export async function generateAgeIdentity(): Promise<AgeIdentity> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The key file as `age-keygen` writes it: two comment lines, then the secret key. */
export function formatIdentityFile(key: AgeIdentity, createdAt: string): string {
  return `# created: ${createdAt}\n# public key: ${key.recipient}\n${key.identity}\n`;
}

export type IdentityFileProblem = 'no-key' | 'several-keys' | 'post-quantum' | 'invalid';

export class IdentityFileError extends Error {
  override readonly name = 'IdentityFileError';
  constructor(readonly problem: IdentityFileProblem) {
    super(`Not a usable age key file: ${problem}.`);
  }
}

/** The one X25519 identity of a key file (`age-keygen` output or ours). Throws IdentityFileError otherwise. */
export async function parseIdentityFile(text: string): Promise<AgeIdentity> {
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (keys.length === 0) throw new IdentityFileError('no-key');
  if (keys.length > 1) throw new IdentityFileError('several-keys');
  const identity = keys[0]!;
  if (identity.startsWith('AGE-SECRET-KEY-PQ-')) throw new IdentityFileError('post-quantum');
  if (!identity.startsWith('AGE-SECRET-KEY-1')) throw new IdentityFileError('invalid');
  try {
    return { identity, recipient: await identityToRecipient(identity) };
  } catch {
    throw new IdentityFileError('invalid');
  }
}
