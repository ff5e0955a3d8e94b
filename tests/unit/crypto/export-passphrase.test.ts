import { wordlist } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import {
  exportPassphraseProblem,
  GENERATED_WORDS,
  generatedEntropyBits,
  generatePassphrase,
  MIN_EXPORT_PASSPHRASE,
  WORDS,
} from '../../../lib/crypto/export-passphrase';

describe('export passphrase rules', () => {
  it('refuses an empty, short, space-padded or mismatched passphrase', () => {
    expect(exportPassphraseProblem('', '')).toBe('empty');
    expect(exportPassphraseProblem('short words', 'short words')).toBe('too-short');
    expect(exportPassphraseProblem(' padded passphrase ', ' padded passphrase ')).toBe('spaces-around');
    expect(exportPassphraseProblem('a long enough passphrase', 'a long enough passphrase.')).toBe('mismatch');
    expect(exportPassphraseProblem('a long enough passphrase', 'a long enough passphrase')).toBeNull();
    // Counted in characters as a person sees them, not UTF-16 units.
    expect(exportPassphraseProblem('🔒'.repeat(MIN_EXPORT_PASSPHRASE - 1), '🔒'.repeat(MIN_EXPORT_PASSPHRASE - 1))).toBe('too-short');
  });
});

describe('generated passphrases', () => {
  it('are 6 words of a list of 2,048 distinct lower-case words: 66 bits', () => {
    expect(WORDS).toBe(2048);
    expect(new Set(wordlist).size).toBe(2048);
    expect(wordlist.every((word) => /^[a-z]{3,8}$/.test(word))).toBe(true);
    // No two words share their first four letters: each is clear when spelled or said.
    expect(new Set(wordlist.map((word) => word.slice(0, 4))).size).toBe(2048);
    expect(generatedEntropyBits()).toBe(66);
    const passphrase = generatePassphrase();
    expect(passphrase.split(' ')).toHaveLength(GENERATED_WORDS);
    expect(passphrase.split(' ').every((word) => wordlist.includes(word))).toBe(true);
    expect(exportPassphraseProblem(passphrase, passphrase)).toBeNull();
  });

  it('map every 16-bit value to a word, each word equally often', () => {
    const counts = new Map<string, number>();
    const all = new Uint16Array(65536).map((_, i) => i);
    for (const word of generatePassphrase(65536, () => all).split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
    expect(counts.size).toBe(2048);
    expect(new Set(counts.values())).toEqual(new Set([32]));
  });

  it('draw from the system’s random source: 2,000 draws spread like uniform ones', () => {
    const counts = new Map<string, number>();
    const draws = 2000;
    for (let i = 0; i < draws / GENERATED_WORDS; i++) {
      for (const word of generatePassphrase().split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    // With 2,048 words and ~2,000 draws, a uniform source gives about 1,150 distinct words (an expected count of
    // 2048 * (1 - e^(-2000/2048))); a broken one (a constant, a narrow range) gives far fewer.
    expect(counts.size).toBeGreaterThan(1000);
    expect(Math.max(...counts.values())).toBeLessThan(10);
  });
});
