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

  it('focuses a section made focusable (tabindex) at once, as a whole', () => {
    document.body.innerHTML = '<section id="what-others-see" tabindex="-1"><p>Text</p><a href="#x">link</a></section>';
    focusWhenShown('what-others-see');
    expect(document.activeElement?.id).toBe('what-others-see');
  });

  it('waits for the field of a section drawn before its fields; a section that never gets one is focused whole', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<section id="passphrase"><h3>Passphrase</h3></section>';
    focusWhenShown('passphrase');
    expect(document.activeElement).toBe(document.body);
    document.getElementById('passphrase')!.insertAdjacentHTML('beforeend', '<input id="passphrase-new" />');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('passphrase-new'));

    document.body.innerHTML = '<section id="safety"><p>Text</p></section>';
    focusWhenShown('safety');
    vi.advanceTimersByTime(6_000);
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
