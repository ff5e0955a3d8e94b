/**
 * YouTube links as the extractors read them: any `href` on the page, parsed by the URL parser (so a channel is
 * `/channel/UC…`, `/@handle` or a legacy `/c/name`, whatever form the page writes), and the fields a channel gives.
 */
import { pushField } from '../dom-helpers';
import type { IdentifierField, ParsedUrl } from '../types';
import { normalizedHost } from '../url-utils';
import { parseYouTubeUrl, YOUTUBE_HOSTS, youtubeHandleText } from './url';

const YOUTUBE_HOST_SET: ReadonlySet<string> = new Set(YOUTUBE_HOSTS);

/** A link's address as a YouTube page, or null when it is not YouTube's. */
export function youtubeLink(link: Element | null | undefined, pageUrl: URL): ParsedUrl | null {
  const href = link?.getAttribute('href');
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return null;
  }
  return YOUTUBE_HOST_SET.has(normalizedHost(url)) ? parseYouTubeUrl(url) : null;
}

/** A channel's link, id and handle as a report gives them (`@name` only for `/@` addresses, as the page shows). */
export function pushChannelFields(fields: IdentifierField[], channel: ParsedUrl): void {
  pushField(fields, 'channelUrl', channel.url);
  pushField(fields, 'channelId', channel.ids.channelId);
  const handle = channel.ids.handle;
  pushField(fields, 'handle', handle === undefined ? undefined : youtubeHandleText(handle, channel));
}

/** Text with its white space collapsed, or undefined when there is none. */
export function plainText(element: Element | null | undefined): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
