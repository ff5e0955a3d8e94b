import { describe, expect, it } from 'vitest';
import { discord } from '../../../lib/platforms/discord';
import { DISCORD_EPOCH, snowflakeTime } from '../../../lib/platforms/snowflake';
import { DISCORD_EPOCH_ISO, expectedSnowflakeTime, itParsesEach, itRejectsEach, type UrlCase } from './helpers';

const GUILD = '81384788765712384';
const CHANNEL = '381889573426429952';
const MESSAGE = '175928847299117063';
const USER = '80351110224678912';
const time = (id: string) => expectedSnowflakeTime(id, DISCORD_EPOCH_ISO);

const cases: UrlCase[] = [
  // Server messages, channels and servers, from every Discord host.
  {
    input: `https://discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}`,
    kind: 'server-message',
    ids: { serverId: GUILD, channelId: CHANNEL, messageId: MESSAGE },
    url: `https://discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}`,
    createdAt: '2016-04-30T11:18:25.796Z',
  },
  {
    input: `https://ptb.discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}?foo=1#bar`,
    kind: 'server-message',
    ids: { serverId: GUILD, channelId: CHANNEL, messageId: MESSAGE },
    url: `https://discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}`,
    createdAt: time(MESSAGE),
  },
  {
    input: `https://canary.discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}/`,
    kind: 'server-message',
    ids: { serverId: GUILD, channelId: CHANNEL, messageId: MESSAGE },
    url: `https://discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}`,
    createdAt: time(MESSAGE),
  },
  {
    input: `http://discordapp.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}`,
    kind: 'server-message',
    ids: { serverId: GUILD, channelId: CHANNEL, messageId: MESSAGE },
    url: `https://discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}`,
    createdAt: time(MESSAGE),
  },
  {
    input: `https://canary.discordapp.com/channels/${GUILD}/${CHANNEL}`,
    kind: 'server-channel',
    ids: { serverId: GUILD, channelId: CHANNEL },
    url: `https://discord.com/channels/${GUILD}/${CHANNEL}`,
    createdAt: time(CHANNEL),
  },
  {
    input: `https://discord.com/channels/${GUILD}`,
    kind: 'server',
    ids: { serverId: GUILD },
    url: `https://discord.com/channels/${GUILD}`,
    createdAt: time(GUILD),
  },
  // Direct messages (@me).
  {
    input: `https://discord.com/channels/@me/${CHANNEL}/${MESSAGE}`,
    kind: 'dm-message',
    ids: { channelId: CHANNEL, messageId: MESSAGE },
    url: `https://discord.com/channels/@me/${CHANNEL}/${MESSAGE}`,
    createdAt: time(MESSAGE),
  },
  {
    input: `https://ptb.discord.com/channels/@me/${CHANNEL}`,
    kind: 'dm-channel',
    ids: { channelId: CHANNEL },
    url: `https://discord.com/channels/@me/${CHANNEL}`,
    createdAt: time(CHANNEL),
  },
  { input: 'https://discord.com/channels/@me', kind: 'home', url: 'https://discord.com/channels/@me' },
  // 17- and 20-digit ids are both snowflakes.
  {
    input: `https://discord.com/channels/${GUILD}/12345678901234567/18446744073709551615`,
    kind: 'server-message',
    ids: { serverId: GUILD, channelId: '12345678901234567', messageId: '18446744073709551615' },
    url: `https://discord.com/channels/${GUILD}/12345678901234567/18446744073709551615`,
    createdAt: time('18446744073709551615'),
  },
  // Invites.
  { input: 'https://discord.gg/abcDEF12', kind: 'invite', ids: { inviteCode: 'abcDEF12' }, url: 'https://discord.gg/abcDEF12' },
  { input: 'https://discord.gg/my-server?event=1', kind: 'invite', ids: { inviteCode: 'my-server' }, url: 'https://discord.gg/my-server' },
  { input: 'https://discord.com/invite/abcDEF12', kind: 'invite', ids: { inviteCode: 'abcDEF12' }, url: 'https://discord.gg/abcDEF12' },
  { input: 'https://discordapp.com/invite/abcDEF12/', kind: 'invite', ids: { inviteCode: 'abcDEF12' }, url: 'https://discord.gg/abcDEF12' },
  // Profiles.
  {
    input: `https://discord.com/users/${USER}`,
    kind: 'profile',
    ids: { userId: USER },
    url: `https://discord.com/users/${USER}`,
    createdAt: time(USER),
  },
  // Start pages and other pages of the site.
  { input: 'https://discord.com/', kind: 'home' },
  { input: 'https://discord.com/app', kind: 'home' },
  { input: 'https://discord.com/login', kind: 'other' },
  { input: 'https://discord.com/channels', kind: 'other' },
  { input: 'https://discord.gg/', kind: 'other' },
  // Not snowflakes, or too many segments: on Discord, but not a message.
  { input: 'https://discord.com/channels/123/456/789', kind: 'other' },
  { input: `https://discord.com/channels/${GUILD}/abc`, kind: 'other' },
  { input: `https://discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}/1234567890123456789`, kind: 'other' },
  { input: `https://discord.com/channels/${GUILD}/${CHANNEL}/123456789012345678901`, kind: 'other' },
  { input: 'https://discord.com/invite/a', kind: 'other' },
  { input: 'https://discord.gg/bad_code!', kind: 'other' },
];

describe('discord.parseUrl through the registry', () => {
  itParsesEach('discord', cases);
  itRejectsEach('discord', [
    `https://xdiscord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}`,
    `https://discord.com.evil.example/channels/${GUILD}/${CHANNEL}/${MESSAGE}`,
    `https://cdn.discordapp.com/attachments/${CHANNEL}/${MESSAGE}/image.png`,
    `https://support.discord.com/hc/en-us`,
    `https://discord.gg.evil.example/abc`,
    `ftp://discord.com/channels/${GUILD}/${CHANNEL}`,
    `discord.com/channels/${GUILD}/${CHANNEL}`,
  ]);
});

describe('discord snowflakes', () => {
  it('decodes the documented example', () => {
    expect(snowflakeTime(MESSAGE, DISCORD_EPOCH)?.toISOString()).toBe('2016-04-30T11:18:25.796Z');
  });
  it('keeps the module shape', () => {
    expect(discord.id).toBe('discord');
    expect(discord.hosts).toContain('discord.gg');
    expect(discord.hosts).toContain('discordapp.com');
  });
});
