import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newPage, type viewports } from './browser.js';
import { signIn, testPassword } from './factories.js';
import type { TestServer } from './server.js';

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
  const session = await signIn(server, email);
  const value = /palpate_session=([^;]*)/.exec(session.cookie ?? '')?.[1];
  if (!value) throw new Error(`signing in as ${email} set no session cookie`);
  const { context, page } = await newPage(browser, server.url, options.viewport ?? 'desktop');
  await context.addCookies([
    { name: 'palpate_session', value, url: server.url, httpOnly: true, sameSite: 'Strict' },
  ]);
  await page.goto(options.path ?? '/clients');
  return { context, page };
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

/** Closes every page a test opened, so the next test starts with a clean browser. */
export async function closeContexts(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((context) => context.close()));
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
