// @vitest-environment happy-dom
/** A place named in the manager's address is focused when it is drawn, even if that is after the view opened. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusWhenShown } from '../../../components/manager/focus-place';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('focusing a place of the manager', () => {
  it('focuses a field at once when it is there', () => {
    document.body.innerHTML = '<input id="max-screens-count" />';
    focusWhenShown('max-screens-count');
    expect(document.activeElement?.id).toBe('max-screens-count');
  });

  it('waits for a section drawn later, then focuses its first field', async () => {
    focusWhenShown('max-screens');
    const form = document.createElement('form');
    form.id = 'max-screens';
    form.innerHTML = '<label for="n">Screens</label><input id="n" /><button>Save</button>';
    document.body.append(form);
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('n'));
  });

  it('focuses a section without fields as a whole, without making it a Tab stop', () => {
    document.body.innerHTML = '<section id="safety"><p>Text</p></section>';
    focusWhenShown('safety');
    const section = document.getElementById('safety')!;
    expect(document.activeElement).toBe(section);
    expect(section.tabIndex).toBe(-1);
  });

  it('gives up after a few seconds, and can be stopped', async () => {
    vi.useFakeTimers();
    const stop = focusWhenShown('never');
    stop();
    focusWhenShown('late');
    vi.advanceTimersByTime(6_000);
    document.body.innerHTML = '<input id="late" /><input id="never" />';
    await Promise.resolve();
    expect(document.activeElement).toBe(document.body);
  });
});
