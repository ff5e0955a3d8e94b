/**
 * Reads the messages of the conversation open in Messenger: each message's sender and time as the page shows them
 * (lib/platforms/chat-rows.ts). Messenger publishes no message ids: a report names the conversation and the person.
 */
import { chatExtractor } from '../chat-rows';
import { MESSENGER_MARKUP } from './selectors';

export const extractMessenger = chatExtractor(MESSENGER_MARKUP);
