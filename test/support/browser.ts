import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { webRoot } from '../../src/cli/environment.js';
import { underCi } from './dialects.js';

export const chromiumPath = process.env['PALPATE_CHROMIUM'] ?? '/usr/bin/chromium';

/** Why browser suites cannot run here, or false. Under CI nothing is skipped: they fail instead. */
export function browserSkipReason(): string | false {
  const problems: string[] = [];
  if (!fs.existsSync(chromiumPath))
    problems.push(`Chromium not found at ${chromiumPath} (apt-get install -y chromium)`);
  if (!fs.existsSync(path.join(webRoot, 'index.html')))
    problems.push(`the web app is not built (${webRoot}; run npm run build:web)`);
  if (problems.length === 0 || underCi) return false;
  return problems.join('; ');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Viewports we promise to support: a desktop, a tablet in portrait, a phone. */
export const viewports = {
  desktop: { width: 1280, height: 800 },
  tablet: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
} as const;

export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport: keyof typeof viewports = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP lets the tests inject axe-core; the app itself runs under the real policy.
  const context = await browser.newContext({
    baseURL,
    viewport: viewports[viewport],
    bypassCSP: true,
  });
  const page = await context.newPage();
  return { context, page };
}

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.1 A/AA rules) in the page and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Parsing half a megabyte of axe on every check adds up; a page keeps it until it navigates.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Only violations are read; axe then skips describing every passing node.
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        failureSummary: node.failureSummary,
      })),
    }));
  });
}

/** Formats violations so a failing assertion says what to fix and where. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(' ')).join('\n  ')}`,
    )
    .join('\n');
}

/**
 * Whether to keep screenshots for a person to look at (PALPATE_SCREENSHOTS=1). A full-page
 * capture costs a second or more on a small machine and no assertion reads them, so a plain
 * run skips them.
 */
export const screenshotsWanted = Boolean(process.env['PALPATE_SCREENSHOTS']);

/**
 * A full-page screenshot in test-results/ (gitignored), when screenshots are wanted or the
 * caller needs the file (`always`). Returns its path, or undefined when none was taken.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { always?: boolean } = {},
): Promise<string | undefined> {
  if (!screenshotsWanted && !options.always) return undefined;
  const folder = path.resolve(import.meta.dirname, '../../test-results/screenshots');
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Waits until no section of the page is still loading. A page of several sections (Settings)
 * grows as each one's data arrives; a click aimed while a section above is still a loader can
 * land on whatever moved under it.
 */
export async function whenLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !Array.from(document.querySelectorAll('[role="status"]')).some((status) =>
        status.textContent?.includes('Loading…'),
      ),
  );
}

export const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'palpate-e2e-'));
