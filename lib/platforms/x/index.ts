import type { PlatformModule } from '../types';
import { extractX } from './extract';
import { parseXUrl, X_HOSTS } from './url';

export const x: PlatformModule = {
  id: 'x',
  name: 'X (Twitter)',
  hosts: X_HOSTS,
  parseUrl: parseXUrl,
  extract: extractX,
};
