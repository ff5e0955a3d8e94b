import { describe, expect, it } from 'vitest';
import { PageAnnouncer, pageInfo as pageInfoWith } from '../../../lib/content/page-announcer';
import { registry } from '../../../lib/platforms/registry';

const pageInfo = (url: string, title: string) => pageInfoWith(url, title, registry);

describe('PageAnnouncer', () => {
  it('announces a new address, then a new title on it, and nothing twice', () => {
    const announcer = new PageAnnouncer();
    const page = (url: string, title: string) => pageInfo(url, title);
    expect(announcer.next(page('https://x.com/home', 'Home'))).toEqual({ urlChanged: true });
    expect(announcer.next(page('https://x.com/home', 'Home'))).toBeNull();
    expect(announcer.next(page('https://x.com/home', '(1) Home'))).toEqual({ urlChanged: false });
    expect(announcer.next(page('https://x.com/jack', '(1) Home'))).toEqual({ urlChanged: true });
  });

  it('says what the page is', () => {
    expect(pageInfo('https://x.com/jack', 'Jack').parsed).toMatchObject({ platform: 'x', kind: 'profile' });
    expect(pageInfo('https://example.com/', 'Example').parsed).toBeNull();
  });
});
