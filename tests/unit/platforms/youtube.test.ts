import { describe } from 'vitest';
import { itParsesEach, itRejectsEach, type UrlCase } from './helpers';

const VIDEO = 'dQw4w9WgXcQ';
const WATCH = `https://www.youtube.com/watch?v=${VIDEO}`;
const CHANNEL = 'UCuAXFkgsw1L7xaCfnd5JJOw';
const video = (input: string): UrlCase => ({ input, kind: 'video', ids: { videoId: VIDEO }, url: WATCH });

const cases: UrlCase[] = [
  // Videos from every host and path form.
  video(`https://www.youtube.com/watch?v=${VIDEO}`),
  video(`https://youtube.com/watch?v=${VIDEO}&t=42s&list=PL123#comments`),
  video(`https://m.youtube.com/watch?feature=share&v=${VIDEO}`),
  video(`http://www.youtube.com/embed/${VIDEO}?autoplay=1`),
  video(`https://www.youtube-nocookie.com/embed/${VIDEO}`),
  video(`https://youtube-nocookie.com/embed/${VIDEO}`),
  video(`https://youtu.be/${VIDEO}`),
  video(`https://youtu.be/${VIDEO}?si=tracking&t=10`),
  video(`https://www.youtube.com/v/${VIDEO}`),
  // A comment's permalink is the video, with the comment's id; a reply's id has its thread's id before a dot.
  { input: `${WATCH}&lc=UgxKREWxIgDrw8w2e_Z4AaABAg`, kind: 'video', ids: { videoId: VIDEO, commentId: 'UgxKREWxIgDrw8w2e_Z4AaABAg' }, url: WATCH },
  {
    input: `https://www.youtube.com/watch?lc=UgxKREWxIgDrw8w2e_Z4AaABAg.9zUu0qmSGLp9zUuW3Rr1lB&v=${VIDEO}`,
    kind: 'video',
    ids: { videoId: VIDEO, commentId: 'UgxKREWxIgDrw8w2e_Z4AaABAg.9zUu0qmSGLp9zUuW3Rr1lB' },
    url: WATCH,
  },
  video(`${WATCH}&lc=not-a-comment`),
  { input: `https://www.youtube.com/live/${VIDEO}?feature=share`, kind: 'live', ids: { videoId: VIDEO }, url: WATCH },
  // Shorts are reels.
  {
    input: `https://www.youtube.com/shorts/${VIDEO}?feature=share`,
    kind: 'reel',
    ids: { videoId: VIDEO },
    url: `https://www.youtube.com/shorts/${VIDEO}`,
  },
  { input: `https://m.youtube.com/shorts/${VIDEO}`, kind: 'reel', ids: { videoId: VIDEO }, url: `https://www.youtube.com/shorts/${VIDEO}` },
  // Channels.
  { input: `https://www.youtube.com/channel/${CHANNEL}`, kind: 'channel', ids: { channelId: CHANNEL }, url: `https://www.youtube.com/channel/${CHANNEL}` },
  { input: `https://youtube.com/channel/${CHANNEL}/videos`, kind: 'channel', ids: { channelId: CHANNEL }, url: `https://www.youtube.com/channel/${CHANNEL}` },
  { input: 'https://www.youtube.com/@RickAstleyYT', kind: 'channel', ids: { handle: 'RickAstleyYT' }, url: 'https://www.youtube.com/@RickAstleyYT' },
  { input: 'https://m.youtube.com/@some.handle-1/videos', kind: 'channel', ids: { handle: 'some.handle-1' }, url: 'https://www.youtube.com/@some.handle-1' },
  { input: 'https://www.youtube.com/@Ελληνικά', kind: 'channel', ids: { handle: 'Ελληνικά' }, url: 'https://www.youtube.com/@%CE%95%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC' },
  { input: 'https://www.youtube.com/@RickAstleyYT/live', kind: 'live', ids: { handle: 'RickAstleyYT' }, url: 'https://www.youtube.com/@RickAstleyYT/live' },
  { input: 'https://www.youtube.com/c/RickAstley', kind: 'channel', ids: { handle: 'RickAstley' }, url: 'https://www.youtube.com/c/RickAstley' },
  { input: 'https://www.youtube.com/user/RickAstleyVEVO/videos', kind: 'channel', ids: { handle: 'RickAstleyVEVO' }, url: 'https://www.youtube.com/user/RickAstleyVEVO' },
  // Community posts and the outbound link wrapper.
  { input: 'https://www.youtube.com/post/UgkxAbCdEfGhIjKlMn', kind: 'post', ids: { postId: 'UgkxAbCdEfGhIjKlMn' }, url: 'https://www.youtube.com/post/UgkxAbCdEfGhIjKlMn' },
  { input: 'https://www.youtube.com/redirect?event=video_description&q=https%3A%2F%2Fexample.com%2F', kind: 'link-shim' },
  // Not videos: wrong length or characters, playlists, feeds.
  { input: 'https://www.youtube.com/', kind: 'home' },
  { input: 'https://www.youtube.com/watch', kind: 'other' },
  { input: 'https://www.youtube.com/watch?v=dQw4w9WgXc', kind: 'other' },
  { input: 'https://www.youtube.com/watch?v=dQw4w9WgXcQQ', kind: 'other' },
  { input: 'https://www.youtube.com/watch?v=dQw4w9WgX!Q', kind: 'other' },
  { input: 'https://www.youtube.com/shorts/', kind: 'other' },
  { input: 'https://www.youtube.com/embed/videoseries?list=PL123', kind: 'other' },
  { input: 'https://www.youtube.com/embed/live_stream?channel=UC1', kind: 'other' },
  { input: 'https://www.youtube.com/playlist?list=PL123', kind: 'other' },
  { input: 'https://www.youtube.com/results?search_query=a', kind: 'other' },
  { input: 'https://www.youtube.com/feed/subscriptions', kind: 'other' },
  { input: 'https://www.youtube.com/channel/UCshort', kind: 'other' },
  { input: 'https://www.youtube.com/@a', kind: 'other' },
  { input: 'https://youtu.be/', kind: 'other' },
  { input: `https://youtu.be/${VIDEO}/extra`, kind: 'other' },
];

describe('youtube.parseUrl through the registry', () => {
  itParsesEach('youtube', cases);
  itRejectsEach('youtube', [
    `https://youtube.com.evil.example/watch?v=${VIDEO}`,
    `https://notyoutube.com/watch?v=${VIDEO}`,
    `https://youtu.be.evil.example/${VIDEO}`,
    `https://studio.youtube.com/video/${VIDEO}/edit`,
    'https://support.google.com/youtube/answer/142443',
    `https://www.google.com/url?q=https://www.youtube.com/watch?v=${VIDEO}`,
  ]);
});
