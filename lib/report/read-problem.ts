import { translate, type Lang, type MessageKey } from '../i18n';
import type { ReadProblem } from '../platforms/extraction';

/** The kinds of items the side panel names when they cannot be read; any other is named plain "items". */
const NAMED_KINDS = ['message', 'post', 'video', 'comment'] as const;

/** The words for a platform's items: its messages, posts, videos or comments, or plain "items". */
function itemWord(problem: ReadProblem): (typeof NAMED_KINDS)[number] | 'item' {
  return NAMED_KINDS.find((kind) => kind === problem.itemKind) ?? 'item';
}

/**
 * What the side panel says when the page's items could not be read: "Could not read this page's messages" when
 * nothing could be read, how many could not be read when only some failed.
 */
export function readProblemText(problem: ReadProblem, lang: Lang): string {
  const word = itemWord(problem);
  if (problem.scope === 'page') return translate(lang, `ids.unreadable.${word}` satisfies MessageKey);
  return translate(lang, `ids.partlyUnreadable.${word}` satisfies MessageKey, { count: problem.failedItems });
}
