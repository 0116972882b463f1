import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, screenshot, type AxeViolation } from './browser.js';
import {
  createClient,
  createPractice,
  createStaff,
  uniqueEmail,
  type PracticeFixture,
  type StaffFixture,
} from './factories.js';
import type { TestServer } from './server.js';

/**
 * Asserts axe finds nothing once the page has settled, and, with PALPATE_SCREENSHOTS=1, keeps a
 * full-page screenshot either way so a person can look at it.
 */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  // Dialogs and notices fade in and notices scroll into view; contrast and position are only
  // measurable once they have.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const before = window.scrollY;
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve(window.scrollY === before)),
        );
      }),
  );
  let violations: AxeViolation[];
  try {
    violations = await axeViolations(page);
  } finally {
    // From the top, so the fixed header is drawn where it belongs in a full-page capture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, name);
  }
  assert.equal(violations.length, 0, `${name}:\n${describeViolations(violations)}`);
}

/** A practice with something on every page: staff of each role and a few clients. */
export interface FurnishedPractice extends PracticeFixture {
  frontDesk: StaffFixture;
  /** A client with a preferred name, pronouns and an address, so the profile is full. */
  client: { id: string; legalLastName: string };
}

export async function furnishedPractice(server: TestServer): Promise<FurnishedPractice> {
  const practice = await createPractice(server);
  const frontDesk = await createStaff(server, practice, 'front_desk');
  await createStaff(server, practice, 'therapist');
  const { client } = await createClient(practice.owner, {
    legalFirstName: 'José',
    preferredName: 'Pepe',
    pronouns: 'he/him',
    address: {
      line1: '12 Harbour Street',
      line2: null,
      city: 'Toronto',
      region: 'ON',
      postalCode: 'M5J 2N8',
      country: 'Canada',
    },
  });
  for (const legalFirstName of ['Amara', 'Bea', 'Chen']) {
    await createClient(practice.owner, { legalFirstName });
  }
  return {
    ...practice,
    frontDesk,
    client: { id: client.id as string, legalLastName: client.legalLastName as string },
  };
}

/** A fresh invitation's one-time link, made through the API as the owner. */
export async function invitationLink(
  practice: PracticeFixture,
  displayName: string,
): Promise<string> {
  const created = await practice.owner.post('/api/v1/staff/invitations', {
    email: uniqueEmail('invitee'),
    displayName,
    role: 'therapist',
  });
  assert.equal(created.status, 201);
  return created.body.url as string;
}
