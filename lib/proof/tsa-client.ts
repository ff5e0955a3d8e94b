/**
 * The extension's one request to the web: an RFC 3161 TimeStampReq POSTed to the timestamp authority the person
 * chose, only while trusted timestamps are on and the browser granted that host. No cookies, no referrer, no
 * redirect followed, no cache; the body is the DER request alone (a SHA-256 and a nonce).
 */
import { TimestampTransportError, type PostTimestampQuery } from './timestamping';

const TIMEOUT_MS = 20_000;
/** A token with a long certificate chain is a few kilobytes; anything far larger is not an answer. */
const MAX_ANSWER_BYTES = 256 * 1024;

export const postTimestampQuery: PostTimestampQuery = async (url, request) => {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query' },
      body: request,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new TimestampTransportError('timeout', `No answer within ${TIMEOUT_MS / 1000} seconds.`);
    }
    throw new TimestampTransportError('network', `The authority could not be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!response.ok) throw new TimestampTransportError('http', `The authority answered HTTP ${response.status}.`);
  const answer = new Uint8Array(await response.arrayBuffer());
  if (answer.length > MAX_ANSWER_BYTES) throw new TimestampTransportError('too-large', `The answer is ${answer.length} bytes long.`);
  return answer;
};
