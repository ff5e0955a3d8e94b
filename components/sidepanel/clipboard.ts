/**
 * Copy text from an extension page, inside the click that asked for it.
 *
 * The copy command on a hidden text area first: it is synchronous, so the click's user activation still holds.
 * In Firefox (ESR 153, measured in the end-to-end tests) `navigator.clipboard.writeText` from the side panel
 * wrote the text but its promise did not settle while the panel's window was not focused, so the interface could
 * not say "Copied". The Clipboard API remains the fallback where the command is refused.
 */
export async function copyText(text: string): Promise<boolean> {
  if (copyWithCommand(text)) return true;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function copyWithCommand(text: string): boolean {
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none;';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    // Keyboard users stay on the button they pressed.
    previousFocus?.focus();
  }
}
