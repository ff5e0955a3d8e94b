import type { PlatformModule } from '../types';
import { extractX } from './extract';
import { parseXUrl, X_HOSTS } from './url';

export const x: PlatformModule<'x'> = {
  id: 'x',
  name: 'X (Twitter)',
  badge: 'X',
  hosts: X_HOSTS,
  parseUrl: parseXUrl,
  // Posts look alike on every page (timelines, conversations, profiles): one extractor for all.
  extractorFor: () => extractX,
  // X's forms ask for the account as "@username".
  handleText: (handle) => `@${handle}`,
  // X's form takes at most five posts per report: the side panel refuses a sixth, with an explanation.
  selectionLimit: 5,
};
