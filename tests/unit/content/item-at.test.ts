// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { itemAt } from '../../../lib/content/item-at';
import { registry } from '../../../lib/platforms/registry';
import { loadFixture, render } from '../extract/helpers';

const DISCORD_PAGE = 'https://discord.com/channels/1096362223539851269/1096362225574088711';

describe('itemAt (pick mode)', () => {
  it('finds the message a click inside it belongs to, and its row', () => {
    render(loadFixture('discord-channel.html'));
    const content = document.querySelector('[id^="message-content-"]')!;
    const picked = itemAt(content.firstChild instanceof Element ? content.firstChild : content, DISCORD_PAGE, document.body, registry);
    expect(picked?.key).toBe('1213791858057150465');
    expect(picked?.element.matches('li[id^="chat-messages-"]')).toBe(true);
  });

  it('gives the outer post for a click on a quoted post, and nothing outside any item or on other pages', () => {
    render(loadFixture('x-quote.html'));
    const quoteText = document.querySelectorAll('[data-testid="tweetText"]')[1]!;
    expect(itemAt(quoteText, 'https://x.com/search?q=leak', document.body, registry)?.key).toBe('1764629365582200835');
    expect(itemAt(document.body.firstElementChild!, 'https://x.com/search?q=leak', document.body, registry)).toBeNull();
    expect(itemAt(quoteText, 'https://example.com/', document.body, registry)).toBeNull();
  });
});
