import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newPage, viewports } from './browser.js';
import { signIn, testPassword } from './factories.js';
import type { TestServer } from './server.js';

type Cookie = Parameters<BrowserContext['addCookies']>[0][number];

/**
 * A browser page already signed in as an existing account, at `path`. The session comes from
 * a real sign-in through the API, its cookie handed to the browser, so tests that are not
 * about signing in do not each spend time typing a password.
 */
export async function signedInPage(
  browser: Browser,
  server: TestServer,
  email: string,
  options: { path?: string; viewport?: keyof typeof viewports } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const cookie = await sessionCookie(server, email);
  const { context, page } = await newPage(browser, server.url, options.viewport ?? 'desktop');
  await context.addCookies([cookie]);
  await page.goto(options.path ?? '/clients');
  return { context, page };
}

/** A new session for `email` (a real sign-in through the API), as a browser cookie. */
async function sessionCookie(server: TestServer, email: string): Promise<Cookie> {
  const session = await signIn(server, email);
  const value = /palpate_session=([^;]*)/.exec(session.cookie ?? '')?.[1];
  if (!value) throw new Error(`signing in as ${email} set no session cookie`);
  return { name: 'palpate_session', value, url: server.url, httpOnly: true, sameSite: 'Strict' };
}

/** Signs in through the sign-in page, as a person would. */
export async function signInThroughForm(
  page: Page,
  email: string,
  password = testPassword,
): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The page's one h1, which every page has (PageHeading, the public cards). */
export const pageHeading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Contexts that tests take turns on (see SharedPage); closeContexts leaves them open. */
const sharedContexts = new WeakSet<BrowserContext>();

/** Closes every page a test opened, so the next test starts with a clean browser. */
export async function closeContexts(browser: Browser): Promise<void> {
  await Promise.all(
    browser
      .contexts()
      .filter((context) => !sharedContexts.has(context))
      .map((context) => context.close()),
  );
}

/**
 * One browser page that the tests of a file take turns on. A new browser context costs its
 * first, cold load of the app (a new renderer, every script compiled afresh): about three
 * seconds a test on a small machine, against one for loading a page again. Each turn starts
 * where a new context would: no cookies but the session of the account it is opened as (a
 * real sign-in through the API), empty local and session storage, no other tab, its own
 * viewport, and a full page load, so no test sees anything of the one before and the order
 * of tests does not matter. Only the HTTP cache (hashed, immutable assets) carries over. Tests
 * that change the page in other ways (its clock, media or connection) open their own page.
 */
export class SharedPage {
  private opened: { context: BrowserContext; page: Page } | undefined;

  constructor(
    private readonly browser: Browser,
    private readonly server: TestServer,
    private readonly viewport: keyof typeof viewports = 'desktop',
  ) {}

  /** The page at `path`, signed in as `as` (an existing account's email) or signed out. */
  async open(path: string, options: { as?: string } = {}): Promise<Page> {
    const { context, page } = await this.freshTurn();
    if (options.as) await context.addCookies([await sessionCookie(this.server, options.as)]);
    await page.goto(path);
    return page;
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = undefined;
    if (opened) await opened.context.close();
  }

  private async freshTurn(): Promise<{ context: BrowserContext; page: Page }> {
    if (!this.opened || this.opened.page.isClosed()) {
      await this.close();
      this.opened = await newPage(this.browser, this.server.url, this.viewport);
      sharedContexts.add(this.opened.context);
      return this.opened;
    }
    const { context, page } = this.opened;
    await Promise.all(context.pages().flatMap((other) => (other === page ? [] : [other.close()])));
    // Storage belongs to the origin, not the document, so it outlives a page load.
    if (page.url().startsWith(this.server.url))
      await page.evaluate(() => {
        localStorage.clear();
        sessionStorage.clear();
      });
    await context.clearCookies();
    const { width, height } = viewports[this.viewport];
    const size = page.viewportSize();
    if (size?.width !== width || size.height !== height)
      await page.setViewportSize({ width, height });
    return this.opened;
  }
}

/**
 * Waits until the signed-in app shows this person in its header. Where the app lands after
 * signing in is its own choice; being signed in as the right person is what tests check.
 */
export async function expectSignedInAs(page: Page, displayName: string): Promise<void> {
  const banner = page.getByRole('banner');
  await banner.getByText(displayName).first().waitFor();
  await banner.getByRole('button', { name: 'Log out' }).waitFor();
}
