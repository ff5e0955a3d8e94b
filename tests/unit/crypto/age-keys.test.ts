import { describe, expect, it } from 'vitest';
import {
  checkRecipientLines,
  formatIdentityFile,
  generateAgeIdentity,
  IdentityFileError,
  parseIdentityFile,
  recipientProblem,
} from '../../../lib/crypto/age-keys';

// Made with age-keygen 1.1.1 (Debian 12): a known pair, so that our parser agrees with the age tool.
const KEYGEN_FILE = `# created: 2026-12-06T03:22:53Z
# public key: age10h8wu0lfla07z4gjd65gzksqn45e9ku2tted2ynw8phvf437h3esd9hd2g
AGE-SECRET-KEY-1CURHZUKH4LEDQNMXKFAVR0UM9FKNX5ZR43PF7UAMUQJZRESDKL6Q0894J6
`;

describe('recipient lines', () => {
  it('accepts age1 keys one per line, skipping blank lines and comments, each once', async () => {
    const [a, b] = [await generateAgeIdentity(), await generateAgeIdentity()];
    const check = checkRecipientLines(`  ${a.recipient}  \n\n# the Institute\r\n${b.recipient}\n${a.recipient}\n`);
    expect(check.recipients).toEqual([a.recipient, b.recipient]);
    expect(check.lines.map((line) => [line.line, line.problem])).toEqual([
      [1, null],
      [4, null],
      [5, 'duplicate'],
    ]);
  });

  it('names what is wrong with a line', async () => {
    const key = (await generateAgeIdentity()).recipient;
    const typo = key.slice(0, 20) + (key[20] === 'q' ? 'p' : 'q') + key.slice(21);
    expect(recipientProblem(typo)).toBe('invalid');
    expect(recipientProblem(key.slice(0, -3))).toBe('invalid');
    expect(recipientProblem(key.toUpperCase())).toBe('invalid');
    expect(recipientProblem('AGE-SECRET-KEY-1CURHZUKH4LEDQNMXKFAVR0UM9FKNX5ZR43PF7UAMUQJZRESDKL6Q0894J6')).toBe('secret-key');
    expect(recipientProblem('age1pq1qqqqqqqqqq')).toBe('post-quantum');
    expect(recipientProblem('age1tag1qqqqqqqqqq')).toBe('unsupported');
    expect(recipientProblem('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI')).toBe('unsupported');
    expect(recipientProblem('institute@example.org')).toBe('not-a-key');
    expect(recipientProblem(key)).toBeNull();
  });
});

describe('identity files', () => {
  it('reads an age-keygen file and gives the same public key as the age tool', async () => {
    expect(await parseIdentityFile(KEYGEN_FILE)).toEqual({
      identity: 'AGE-SECRET-KEY-1CURHZUKH4LEDQNMXKFAVR0UM9FKNX5ZR43PF7UAMUQJZRESDKL6Q0894J6',
      recipient: 'age10h8wu0lfla07z4gjd65gzksqn45e9ku2tted2ynw8phvf437h3esd9hd2g',
    });
  });

  it('writes what it reads back', async () => {
    const key = await generateAgeIdentity();
    const text = formatIdentityFile(key, '2026-12-06T10:00:00.000Z');
    expect(text).toBe(`# created: 2026-12-06T10:00:00.000Z\n# public key: ${key.recipient}\n${key.identity}\n`);
    expect(await parseIdentityFile(text)).toEqual(key);
  });

  it('refuses files with no key, several keys, a post-quantum key or a broken one', async () => {
    const problem = (text: string) =>
      parseIdentityFile(text).then(
        () => null,
        (error: unknown) => (error instanceof IdentityFileError ? error.problem : 'other'),
      );
    const [a, b] = [await generateAgeIdentity(), await generateAgeIdentity()];
    expect(await problem('# nothing here\n')).toBe('no-key');
    expect(await problem(`${a.identity}\n${b.identity}\n`)).toBe('several-keys');
    expect(await problem('AGE-SECRET-KEY-PQ-1QQQQ\n')).toBe('post-quantum');
    expect(await problem(`${a.identity.slice(0, -2)}\n`)).toBe('invalid');
    expect(await problem(`${a.recipient}\n`)).toBe('invalid');
  });
});
