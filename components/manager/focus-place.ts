/**
 * Brings an element of the page into view and gives it the keyboard focus, once it is drawn: settings fields
 * appear only after their stored value is read, so the element (or the field in it) may not exist yet when the view
 * opens.
 */
const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button, a[href], summary';
const WAIT_MS = 5_000;

/**
 * The element itself when it takes the focus (a field, or a section made focusable with a tabindex of its own), else
 * the first field in it, else null (not drawn yet).
 */
function focusTarget(element: HTMLElement): HTMLElement | null {
  return element.matches(FOCUSABLE) || element.hasAttribute('tabindex') ? element : element.querySelector<HTMLElement>(FOCUSABLE);
}

function focus(target: HTMLElement): void {
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

/** A section with no field at all is focused as a whole: it is read out, and Tab goes on from there. */
function focusWhole(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  focus(element);
}

/**
 * Focuses the element with this id (or the first field in it) now or as soon as it appears; a section still without
 * a field after a few seconds is focused as a whole. Returns a function that stops waiting.
 */
export function focusWhenShown(id: string): () => void {
  const found = () => {
    const element = document.getElementById(id);
    const target = element && focusTarget(element);
    if (target) focus(target);
    return target !== null;
  };
  if (found()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (found()) stop();
  });
  const timer = setTimeout(() => {
    stop();
    const element = document.getElementById(id);
    if (element) focusWhole(element);
  }, WAIT_MS);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
