import { describe } from 'vitest';
import { itParsesEach, itRejectsEach, type UrlCase } from './helpers';

const VIDEO = '7106594312292453675';
/** Independent of lib/platforms/snowflake.ts: the id divided by 2^32 is its creation time in seconds. */
const CREATED = new Date(Number(BigInt(VIDEO) / 4294967296n) * 1000).toISOString();

const cases: UrlCase[] = [
  {
    input: `https://www.tiktok.com/@scout2015/video/${VIDEO}?is_from_webapp=1&sender_device=pc`,
    kind: 'video',
    ids: { handle: 'scout2015', videoId: VIDEO },
    url: `https://www.tiktok.com/@scout2015/video/${VIDEO}`,
    createdAt: CREATED,
  },
  {
    input: `https://m.tiktok.com/@user.name_1/video/${VIDEO}`,
    kind: 'video',
    ids: { handle: 'user.name_1', videoId: VIDEO },
    url: `https://www.tiktok.com/@user.name_1/video/${VIDEO}`,
    createdAt: CREATED,
  },
  {
    input: `https://tiktok.com/@scout2015/photo/${VIDEO}`,
    kind: 'photo',
    ids: { handle: 'scout2015', postId: VIDEO },
    url: `https://www.tiktok.com/@scout2015/photo/${VIDEO}`,
    createdAt: CREATED,
  },
  { input: 'https://www.tiktok.com/@scout2015', kind: 'profile', ids: { handle: 'scout2015' }, url: 'https://www.tiktok.com/@scout2015' },
  { input: 'https://www.tiktok.com/@scout2015?lang=en', kind: 'profile', ids: { handle: 'scout2015' }, url: 'https://www.tiktok.com/@scout2015' },
  { input: 'https://www.tiktok.com/@scout2015/live', kind: 'live', ids: { handle: 'scout2015' }, url: 'https://www.tiktok.com/@scout2015/live' },
  { input: `https://www.tiktok.com/embed/${VIDEO}`, kind: 'video', ids: { videoId: VIDEO }, url: `https://www.tiktok.com/embed/v2/${VIDEO}`, createdAt: CREATED },
  { input: `https://www.tiktok.com/embed/v2/${VIDEO}?lang=en`, kind: 'video', ids: { videoId: VIDEO }, url: `https://www.tiktok.com/embed/v2/${VIDEO}`, createdAt: CREATED },
  { input: `https://m.tiktok.com/v/${VIDEO}.html`, kind: 'video', ids: { videoId: VIDEO }, url: `https://www.tiktok.com/embed/v2/${VIDEO}`, createdAt: CREATED },
  // Short links.
  { input: 'https://vm.tiktok.com/ZMeAbCdEf/', kind: 'short-link', ids: { code: 'ZMeAbCdEf' }, url: 'https://vm.tiktok.com/ZMeAbCdEf/' },
  { input: 'https://vt.tiktok.com/ZSAbCdEf', kind: 'short-link', ids: { code: 'ZSAbCdEf' }, url: 'https://vt.tiktok.com/ZSAbCdEf/' },
  { input: 'https://www.tiktok.com/t/ZTRAbCdEf/', kind: 'short-link', ids: { code: 'ZTRAbCdEf' }, url: 'https://www.tiktok.com/t/ZTRAbCdEf/' },
  // Feeds and the rest.
  { input: 'https://www.tiktok.com/', kind: 'home' },
  { input: 'https://www.tiktok.com/foryou', kind: 'home' },
  { input: 'https://www.tiktok.com/explore', kind: 'home' },
  { input: 'https://www.tiktok.com/search?q=a', kind: 'other' },
  { input: 'https://www.tiktok.com/@scout2015/video/abc', kind: 'other' },
  { input: 'https://www.tiktok.com/@scout2015/video', kind: 'other' },
  { input: `https://www.tiktok.com/@scout2015/music/${VIDEO}`, kind: 'other' },
  { input: 'https://www.tiktok.com/@this-is-not-valid', kind: 'other' },
  { input: 'https://www.tiktok.com/@', kind: 'other' },
  { input: 'https://www.tiktok.com/embed/abc', kind: 'other' },
  { input: 'https://vm.tiktok.com/', kind: 'other' },
  { input: 'https://vm.tiktok.com/a/b', kind: 'other' },
];

describe('tiktok.parseUrl through the registry', () => {
  itParsesEach('tiktok', cases);
  itRejectsEach('tiktok', [
    'https://tiktok.com.evil.example/@scout2015',
    'https://nottiktok.com/@scout2015',
    'https://vm.tiktok.com.evil.example/ZMeAbCdEf/',
    'https://support.tiktok.com/en/safety-hc/report-a-problem/report-sexual-abuse',
    'https://p16-sign.tiktokcdn.com/obj/image.jpeg',
  ]);
});
