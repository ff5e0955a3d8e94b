/**
 * Messenger shares the guide's section "Facebook en Messenger": the same guide, nothing added.
 */
export { guide } from '../facebook/steps';
