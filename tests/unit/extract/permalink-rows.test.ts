// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaries, uniqueInDocumentOrder, type Anchor } from '../../../lib/platforms/permalink-rows';
import { render } from './helpers';

/** The boundary of each `a[data-key]` under `root`, by brute force: the largest ancestor holding no other key. */
function bruteForce(anchors: Anchor[], root: Element): Element[] {
  return anchors.map((anchor) => {
    let boundary = anchor.link;
    for (let parent = boundary.parentElement; parent !== null && parent !== root; parent = parent.parentElement) {
      const others = anchors.some((other) => other.key !== anchor.key && parent.contains(other.link));
      if (others) break;
      boundary = parent;
    }
    return boundary;
  });
}

function anchorsIn(root: Element): Anchor[] {
  return [...root.querySelectorAll('a[data-key]')].map((link) => ({ link, key: link.getAttribute('data-key') ?? '' }));
}

describe('boundaries', () => {
  it('climbs from each permalink to the largest element that holds no other item', () => {
    const root = render(`
      <ul><li id="one"><div><a data-key="1">time</a></div><p>text</p><a data-key="1">photo</a></li>
          <li id="two"><span><a data-key="2">time</a></span></li></ul>`);
    const found = boundaries(anchorsIn(root), root);
    expect(found.map((element) => element.id || element.tagName)).toStrictEqual(['one', 'one', 'two']);
  });

  it('agrees with a brute-force search on random trees (property)', () => {
    const tree: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom('<a data-key="a">a</a>', '<a data-key="b">b</a>', '<a data-key="c">c</a>', '<span>x</span>'),
        fc.array(tie('node'), { maxLength: 4 }).map((children) => `<div>${children.join('')}</div>`),
      ),
    })).node as fc.Arbitrary<string>;
    fc.assert(
      fc.property(tree, (html) => {
        const root = render(html);
        const anchors = anchorsIn(root);
        expect(boundaries(anchors, root)).toStrictEqual(bruteForce(anchors, root));
      }),
      { numRuns: 200 },
    );
  });

  it('uniqueInDocumentOrder keeps each element once, in document order', () => {
    const root = render('<p id="a"></p><p id="b"><i id="c"></i></p>');
    const [a, b, c] = ['a', 'b', 'c'].map((id) => root.querySelector(`#${id}`) as Element);
    expect(uniqueInDocumentOrder([c as Element, a as Element, b as Element, a as Element]).map((element) => element.id)).toStrictEqual(['a', 'b', 'c']);
  });
});
