import { translate, type Lang, type MessageKey } from '../i18n';
import type { ReadProblem } from '../platforms/extraction';

/** The words for a platform's items: its messages, its posts, or plain "items". */
function itemWord(problem: ReadProblem): 'message' | 'post' | 'item' {
  return problem.itemKind === 'message' || problem.itemKind === 'post' ? problem.itemKind : 'item';
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
