/**
 * Reads the messages of the conversation open in Snapchat's web client: each run of a person's messages with their
 * name and the time shown above it (lib/platforms/chat-rows.ts). Snapchat publishes no message ids.
 */
import { chatExtractor } from '../chat-rows';
import { SNAPCHAT_MARKUP } from './selectors';

export const extractSnapchat = chatExtractor(SNAPCHAT_MARKUP);
