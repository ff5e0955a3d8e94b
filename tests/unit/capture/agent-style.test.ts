// @vitest-environment happy-dom
/**
 * What the reloaded add-on puts back in a page whose capture agent Firefox ended mid-capture: the lazy images the
 * agent made eager and the scroll, on that page only, and never an image the page itself has changed since.
 */
import { describe, expect, it } from 'vitest';
import { putPageBack } from '../../../lib/capture/agent-style';
import { selectorOf } from '../../../lib/capture/agent';

function page(): { images: HTMLImageElement[]; scroller: HTMLElement } {
  document.body.innerHTML = '<div id="pane"><img loading="eager"><img loading="eager"><img loading="eager"></div>';
  return { images: Array.from(document.querySelectorAll('img')), scroller: document.querySelector('#pane')! };
}

describe('putPageBack', () => {
  it('puts back the loading attributes and the scroll it was given', () => {
    const { images, scroller } = page();
    images[2]!.setAttribute('loading', 'lazy'); // the page changed this one itself since
    scroller.scrollTop = 500;
    putPageBack({
      url: location.href,
      window: { x: 0, y: 0 },
      scroller: { selector: selectorOf(scroller), top: 40 },
      lazyImages: [
        { selector: selectorOf(images[0]!), loading: 'lazy' },
        { selector: selectorOf(images[1]!), loading: null },
        { selector: selectorOf(images[2]!), loading: 'auto' },
      ],
    });
    expect(images.map((image) => image.getAttribute('loading'))).toEqual(['lazy', null, 'lazy']);
    expect(scroller.scrollTop).toBe(40);
  });

  it('does nothing on another page (the tab navigated since)', () => {
    const { images } = page();
    putPageBack({
      url: 'https://elsewhere.example/',
      window: { x: 0, y: 0 },
      scroller: null,
      lazyImages: [{ selector: selectorOf(images[0]!), loading: 'lazy' }],
    });
    expect(images[0]!.getAttribute('loading')).toBe('eager');
  });
});
