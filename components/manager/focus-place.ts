/**
 * Brings an element of the page into view and gives it the keyboard focus, once it is drawn: settings fields
 * appear only after their stored value is read, so the element may not exist yet when the view opens.
 */
const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button, a[href], summary';
const WAIT_MS = 5_000;

function focusIn(element: HTMLElement): void {
  const target = element.matches(FOCUSABLE) ? element : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element);
  // A heading or a section is focused as a whole: it is read out, and Tab goes on from there.
  if (target === element && !element.matches(FOCUSABLE) && !element.hasAttribute('tabindex')) element.tabIndex = -1;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

/** Focuses the element with this id now or as soon as it appears (up to a few seconds); returns a stop function. */
export function focusWhenShown(id: string): () => void {
  const now = document.getElementById(id);
  if (now) {
    focusIn(now);
    return () => undefined;
  }
  const observer = new MutationObserver(() => {
    const element = document.getElementById(id);
    if (!element) return;
    stop();
    focusIn(element);
  });
  const timer = setTimeout(() => stop(), WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
