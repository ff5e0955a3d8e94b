// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../lib/bundle/export';
import { esc } from '../../../lib/bundle/html';
import { renderReadme, renderReport } from '../../../lib/bundle/report';
import { makeFixture } from './fixtures';

const EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

async function manifest(overrides: { title?: string } = {}) {
  const fixture = await makeFixture({
    title: overrides.title ?? 'Case A',
    captureOverrides: {
      title: EVIL,
      finalUrl: `https://x.com/a"><script>alert(3)</script>`,
      notes: EVIL,
      identifiers: [{ key: 'handle', value: EVIL }],
    },
  });
  return buildManifest(fixture.input, new Date('2026-11-30T09:30:00.000Z'));
}

describe('report.html', () => {
  it('escapes every attacker-controlled string: no script, no handler survives', async () => {
    const html = renderReport(await manifest({ title: EVIL }), 'en');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect([...doc.querySelectorAll('*')].flatMap((el) => el.getAttributeNames()).filter((n) => n.startsWith('on'))).toEqual([]);
    expect(doc.querySelector('dd')?.textContent).toBe(EVIL);
  });

  it('is self-contained: a CSP forbidding everything but inline style and local images, only relative image paths', async () => {
    const m = await manifest();
    const html = renderReport(m, 'en');
    expect(html).toContain(`default-src 'none'`);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const sources = [...doc.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual(m.files.filter((f) => f.role === 'screenshot').map((f) => f.path));
    expect(doc.querySelectorAll('link, a[href], iframe, object, embed, form')).toHaveLength(0);
    expect(html).not.toMatch(/url\(|@import|https?:\/\/[^<"]*"/);
  });

  it('blurs images on screen until their checkbox is ticked, shows them in print', async () => {
    const html = renderReport(await manifest(), 'en');
    expect(html).toMatch(/\.frame img \{[^}]*filter: blur/);
    expect(html).toMatch(/\.reveal:checked ~ \.frame img \{ filter: none/);
    expect(html).toMatch(/@media print \{[\s\S]*\.frame img \{ filter: none !important/);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    for (const figure of doc.querySelectorAll('figure.shot')) {
      const box = figure.querySelector('input[type=checkbox]')!;
      expect(figure.querySelectorAll(`label[for="${box.id}"]`)).toHaveLength(2);
    }
  });

  it('says where a capture stopped at the screens setting: from the top of a page, back from where the capturer was in a chat', async () => {
    for (const [scroller, expected] of [
      ['document', 'Only the first 3 screens from the top are included.'],
      ['inner', 'Only the 3 screens up to where the capturer was are included.'],
    ] as const) {
      const fixture = await makeFixture({ title: 'Case A', captureOverrides: { scroller, limitedTo: { screens: 3, reason: 'max-screens' } } });
      const html = renderReport(buildManifest(fixture.input, new Date('2026-11-30T09:30:00.000Z')), 'en');
      expect(html, scroller).toContain(expected);
    }
  });

  it('shows per capture URL, times, platform, identifiers, hashes and the audit trail', async () => {
    const m = await manifest();
    const html = renderReport(m, 'en');
    expect(html).toContain('2026-11-28 15:02:10.123 UTC');
    expect(html).toContain('2026-11-28 16:02:11+01:00 (Europe/Brussels)');
    expect(html).toContain('Discord');
    for (const file of m.files) expect(html).toContain(file.sha256);
    for (const entry of m.audit) expect(html).toContain(entry.hash);
    expect(html).toContain('T-1');
  });

  it.each([
    ['en', 'Evidence report', 'Show image'],
    ['nl', 'Bewijsrapport', 'Beeld tonen'],
    ['fr', 'Rapport de preuves', 'Afficher l’image'],
  ] as const)('speaks %s', async (lang, title, show) => {
    const html = renderReport(await manifest(), lang);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<title>${title}</title>`);
    expect(html).toContain(esc(show));
  });
});

describe('README.txt', () => {
  it('explains extraction and verification, in the chosen language then English, with Windows line ends', async () => {
    const m = await manifest();
    const nl = renderReadme(m, 'nl');
    expect(nl).toContain('BEWIJSBUNDEL');
    expect(nl).toContain('EVIDENCE BUNDLE');
    expect(nl).toContain('sha256sum -c SHA256SUMS');
    expect(nl).not.toMatch(/[^\r]\n/);
    const en = renderReadme(m, 'en');
    expect(en.match(/EVIDENCE BUNDLE/g)).toHaveLength(1);
    expect(en).toContain('report.html');
  });
});
