/**
 * axe-core in the extension's own pages, and the driver's own pages behind a DrivenPage.
 *
 * The extension pages' content security policy forbids inline scripts and eval, so axe cannot be added with a
 * <script> element. The drivers' evaluation goes through the debugging protocol (CDP in Chromium, WebDriver BiDi in
 * Firefox), which the page's CSP does not govern: the source text is evaluated as an expression by the protocol.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page as PlaywrightPage, BrowserContext } from 'playwright-core';
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';
import type { DrivenPage, ExtensionBrowser } from './driver';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Run axe-core over the whole document; every violation, with the elements concerned. */
export async function runAxe(page: DrivenPage): Promise<AxeViolation[]> {
  // A string is evaluated as an expression by both drivers (not a function: no page-side eval involved).
  await page.evaluate(axeSource as unknown as () => void, null);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  }, null);
}

/** Serious and critical violations fail the test; the others are printed, so they are seen and can be fixed. */
export function blocking(where: string, violations: AxeViolation[]): AxeViolation[] {
  const minor = violations.filter((violation) => violation.impact !== 'serious' && violation.impact !== 'critical');
  if (minor.length > 0) console.log(`axe, ${where}, minor or moderate:\n${JSON.stringify(minor, null, 2)}`);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Mark a DrivenPage so that the driver's own page object can be told apart from others at the same address. */
async function mark(page: DrivenPage): Promise<string> {
  const token = `driven-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((value: string) => {
    (window as unknown as { drivenPageToken?: string }).drivenPageToken = value;
  }, token);
  return token;
}

function readMark(): string | undefined {
  return (window as unknown as { drivenPageToken?: string }).drivenPageToken;
}

/** The Playwright page behind a DrivenPage (Chromium). */
export async function playwrightPage(browser: ExtensionBrowser, page: DrivenPage): Promise<PlaywrightPage> {
  const { context } = browser as unknown as { context: BrowserContext };
  const token = await mark(page);
  for (const candidate of context.pages()) {
    if ((await candidate.evaluate(readMark).catch(() => undefined)) === token) return candidate;
  }
  throw new Error(`No Playwright page at ${await page.url()}`);
}

/** The puppeteer page behind a DrivenPage (Firefox). */
export async function puppeteerPage(browser: ExtensionBrowser, page: DrivenPage): Promise<PuppeteerPage> {
  const { browser: firefox } = browser as unknown as { browser: PuppeteerBrowser };
  const token = await mark(page);
  for (const candidate of await firefox.pages()) {
    if ((await candidate.evaluate(readMark).catch(() => undefined)) === token) return candidate;
  }
  throw new Error(`No puppeteer page at ${await page.url()}`);
}
