import { describe } from 'vitest';
import { itParsesEach, itRejectsEach, type UrlCase } from './helpers';

const PHONE = '32470123456';
const chat = (input: string): UrlCase => ({ input, kind: 'chat', ids: { phone: PHONE }, url: `https://wa.me/${PHONE}` });

const cases: UrlCase[] = [
  chat(`https://wa.me/${PHONE}`),
  chat(`https://wa.me/${PHONE}?text=hello`),
  chat(`https://wa.me/+${PHONE}`),
  chat(`https://api.whatsapp.com/send?phone=${PHONE}&text=hi`),
  chat(`https://api.whatsapp.com/send/?phone=%2B${PHONE}&type=phone_number`),
  chat(`https://web.whatsapp.com/send?phone=${PHONE}`),
  chat(`https://www.whatsapp.com/send?phone=${PHONE}`),
  { input: 'https://web.whatsapp.com/', kind: 'chat', url: 'https://web.whatsapp.com/' },
  { input: 'https://web.whatsapp.com/#', kind: 'chat', url: 'https://web.whatsapp.com/' },
  // Invitations.
  { input: 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv', kind: 'invite', ids: { inviteCode: 'AbCdEfGhIjKlMnOpQrStUv' }, url: 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv' },
  { input: 'https://chat.whatsapp.com/invite/AbCdEfGhIjKlMnOpQrStUv', kind: 'invite', ids: { inviteCode: 'AbCdEfGhIjKlMnOpQrStUv' }, url: 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv' },
  { input: 'https://web.whatsapp.com/accept?code=AbCdEfGhIjKlMnOpQrStUv', kind: 'invite', ids: { inviteCode: 'AbCdEfGhIjKlMnOpQrStUv' }, url: 'https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv' },
  // Channels and QR / message links.
  { input: 'https://whatsapp.com/channel/0029VaAbCdEfGhIjKlMnOp12', kind: 'channel', ids: { code: '0029VaAbCdEfGhIjKlMnOp12' }, url: 'https://whatsapp.com/channel/0029VaAbCdEfGhIjKlMnOp12' },
  { input: 'https://wa.me/message/ABCDEFGHIJ1K1', kind: 'short-link', ids: { code: 'ABCDEFGHIJ1K1' }, url: 'https://wa.me/message/ABCDEFGHIJ1K1' },
  { input: 'https://wa.me/qr/ABCDEFGHIJ1K1', kind: 'short-link', ids: { code: 'ABCDEFGHIJ1K1' }, url: 'https://wa.me/qr/ABCDEFGHIJ1K1' },
  // Not phone numbers, not invites.
  { input: 'https://wa.me/', kind: 'other' },
  { input: 'https://wa.me/123', kind: 'other' },
  { input: 'https://wa.me/1234567890123456', kind: 'other' },
  { input: 'https://wa.me/someone', kind: 'other' },
  { input: 'https://api.whatsapp.com/send', kind: 'other' },
  { input: 'https://api.whatsapp.com/send?phone=abc', kind: 'other' },
  { input: 'https://chat.whatsapp.com/', kind: 'other' },
  { input: 'https://chat.whatsapp.com/short', kind: 'other' },
  { input: 'https://www.whatsapp.com/', kind: 'other' },
  { input: 'https://web.whatsapp.com/unknown', kind: 'other' },
];

describe('whatsapp.parseUrl through the registry', () => {
  itParsesEach('whatsapp', cases);
  itRejectsEach('whatsapp', [
    `https://wa.me.evil.example/${PHONE}`,
    `https://notwa.me/${PHONE}`,
    'https://web.whatsapp.com.evil.example/',
    'https://faq.whatsapp.com/1234',
    'https://evil-whatsapp.com/',
  ]);
});
