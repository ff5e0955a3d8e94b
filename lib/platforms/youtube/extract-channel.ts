/**
 * Reads a YouTube channel's videos and shorts (its Home, Videos and Shorts tabs): one item per video, with the
 * address a report names it by (`watch?v=<id>`, `/shorts/<id>`) and its title as the excerpt. A video shown twice
 * (in two shelves of the Home tab) is one item.
 */

import { firstMatch, firstShownNamed, outermostNamed, pushField, queryFirstMatch, textExcerpt } from '../dom-helpers';
import { boundaries, uniqueInDocumentOrder, type Anchor } from '../permalink-rows';
import type { ExtractedItem, IdentifierField, ItemExtractor } from '../types';
import { pushChannelFields, youtubeLink } from './links';
import { YOUTUBE_SELECTORS as S } from './selectors';
import { videoIdOfHref } from './url';

const VIDEO_LINK = S.videoLink.join(', ');
const VIDEO_NAMES: ReadonlySet<string> = new Set(S.videos);

export const extractYouTubeChannel: ItemExtractor = {
  itemKind: 'video',
  rows: channelRows,
  begin(pageUrl) {
    return { read: (row) => ({ item: videoItem(row, pageUrl), carry: undefined }) };
  },
};

/** The videos of the page shown; where their elements are not found, each video link's boundary outward. */
function channelRows(root: ParentNode): Element[] {
  const page = firstShownNamed(root, S.browsePage) ?? root;
  const marked = outermostNamed(page, VIDEO_NAMES);
  if (marked.length > 0) return marked;
  const anchors: Anchor[] = [];
  for (const link of queryFirstMatch(page, [VIDEO_LINK])) {
    const videoId = videoIdOfHref(link.getAttribute('href') ?? '');
    if (videoId !== undefined) anchors.push({ link, key: videoId });
  }
  return uniqueInDocumentOrder(boundaries(anchors, page));
}

function videoItem(row: Element, pageUrl: URL): ExtractedItem | null {
  const link = row.matches(VIDEO_LINK) ? row : row.querySelector(VIDEO_LINK);
  const video = youtubeLink(link, pageUrl);
  const videoId = video?.ids.videoId;
  if (video === null || videoId === undefined || (video.kind !== 'video' && video.kind !== 'reel')) return null;
  const fields: IdentifierField[] = [];
  pushField(fields, 'videoUrl', video.url);
  pushField(fields, 'videoId', videoId);
  // A grid that shows each video's channel (another channel's video in a shelf) says whose it is.
  const channel = youtubeLink(firstMatch(row, S.videoChannel), pageUrl);
  if (channel?.kind === 'channel') pushChannelFields(fields, channel);
  const item: ExtractedItem = { key: videoId, kind: video.kind === 'reel' ? 'reel' : 'video', fields };
  // Videos and shorts share a grid, each with its own markup: no fallback chain that learns one of them.
  const excerpt = textExcerpt(firstMatch(row, S.videoTitle)) ?? titleAttribute(link);
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

/** A link's `title` (or label) where the tile shows its title only in a tooltip. */
function titleAttribute(link: Element | null): string | undefined {
  const text = (link?.getAttribute('title') ?? link?.getAttribute('aria-label'))?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
