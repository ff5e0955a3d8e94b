/**
 * The passphrase an exported file is encrypted with. Unlike the passphrase that locks this browser's storage,
 * it travels: whoever gets the file can try passphrases offline for as long as they like (each try costs them
 * one scrypt at work factor 18, about a second of a computer's time), so it must be long or random.
 *
 * The generator picks words uniformly from the BIP-39 English word list (2,048 common words, 3 to 8 lower-case
 * letters, no two sharing their first four letters: easy to say on the phone and to type), shipped by
 * @scure/bip39 (MIT). 6 words = 66 bits, well above age's advice of 4 to 5 words from a list of 2,000.
 */
import { wordlist } from '@scure/bip39/wordlists/english.js';

export const GENERATED_WORDS = 6;
/** For a passphrase a person chose: long enough that a sentence passes and a word with a digit does not. */
export const MIN_EXPORT_PASSPHRASE = 12;

export type ExportPassphraseProblem = 'empty' | 'too-short' | 'spaces-around' | 'mismatch';

/** What is wrong with the two typed passphrases, or null when they can be used. */
export function exportPassphraseProblem(passphrase: string, again: string): ExportPassphraseProblem | null {
  if (passphrase === '') return 'empty';
  // A space the recipient cannot see at the start or end would have to be typed too: refused rather than trimmed,
  // so that what was typed is exactly what opens the file everywhere (the age tool trims nothing).
  if (passphrase.trim() !== passphrase) return 'spaces-around';
  if ([...passphrase].length < MIN_EXPORT_PASSPHRASE) return 'too-short';
  if (again !== passphrase) return 'mismatch';
  return null;
}

/** `words` words drawn uniformly at random from the list, separated by single spaces. */
export function generatePassphrase(words = GENERATED_WORDS, random: (count: number) => Uint16Array = randomUint16): string {
  // 2,048 = 2^11: the low 11 bits of a uniform 16-bit number are uniform, so no word is likelier than another.
  return Array.from(random(words), (value) => wordlist[value & (WORDS - 1)]!).join(' ');
}

/** Bits of entropy of a generated passphrase of `words` words. */
export function generatedEntropyBits(words = GENERATED_WORDS): number {
  return words * Math.log2(WORDS);
}

export const WORDS = wordlist.length;

function randomUint16(count: number): Uint16Array {
  return crypto.getRandomValues(new Uint16Array(count));
}
