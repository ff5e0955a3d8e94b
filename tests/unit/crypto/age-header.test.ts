import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageFileNeeds, looksLikeAge, peekAgeHeader } from '../../../lib/crypto/age-header';

const enc = (text: string) => new TextEncoder().encode(text);
const SCRYPT = 'age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nHLmLZ8Y3H7Vp3hlZQx3vT7M2d0JDkxJbT0dTbVdTVFk\n--- bWFjbWFjbWFjbWFjbWFjbWFjbWFjbWFjbWFjbWFjbWE\n';

describe('age header peek', () => {
  it('reads the stanza types and the header length', () => {
    const file = enc(`${SCRYPT}0123456789abcdef`);
    expect(peekAgeHeader(file)).toEqual({ kind: 'age', stanzas: ['scrypt'], length: SCRYPT.length });
    expect(ageFileNeeds(['scrypt'])).toBe('passphrase');
  });

  it('follows bodies of several lines (64 characters go on, a shorter line ends the body)', () => {
    const long = 'A'.repeat(64);
    const header = `age-encryption.org/v1\n-> X25519 abc\n${long}\nAAAA\n-> X25519 def\n\n--- mac\n`;
    expect(peekAgeHeader(enc(header))).toEqual({ kind: 'age', stanzas: ['X25519', 'X25519'], length: header.length });
  });

  it('says what is not age, and what is cut inside its header', () => {
    expect(peekAgeHeader(enc('PK\u0003\u0004'))).toEqual({ kind: 'not-age' });
    expect(peekAgeHeader(enc('age-encr'))).toEqual({ kind: 'incomplete' });
    expect(peekAgeHeader(enc(SCRYPT.slice(0, 60)))).toEqual({ kind: 'incomplete' });
    expect(peekAgeHeader(enc('age-encryption.org/v1\nhello\n--- x\n'))).toEqual({ kind: 'not-age' });
    expect(looksLikeAge(enc(SCRYPT))).toBe(true);
  });

  it('asks for a passphrase only when scrypt is the one stanza; refuses other kinds', () => {
    expect(ageFileNeeds(['scrypt', 'X25519'])).toBe('unsupported');
    expect(ageFileNeeds(['mlkem768x25519'])).toBe('unsupported');
    expect(ageFileNeeds(['X25519', 'ssh-ed25519'])).toBe('key');
    expect(ageFileNeeds([])).toBe('unsupported');
  });

  it('never throws, whatever the bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (tail, magic) => {
        const bytes = magic ? new Uint8Array([...enc('age-encryption.org/v1\n'), ...tail]) : tail;
        const peek = peekAgeHeader(bytes);
        expect(['age', 'not-age', 'incomplete']).toContain(peek.kind);
        if (peek.kind === 'age') expect(peek.length).toBeLessThanOrEqual(bytes.length);
      }),
    );
  });
});
