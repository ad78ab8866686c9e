// Staff with PINs on a harness's fresh desk, and signing in through the UI.
import type { Page } from 'playwright-core';
import type { StaffRole } from '../../../src/shared/domain';
import { DEFAULT_CREW_NAMES, type RunningHarness } from './harness';

export const E2E_PINS = { manager: '4826', technician: '7391', clerk: '1357' } as const;

export interface E2ePerson {
  id: number;
  name: string;
  role: StaffRole;
  pin: string;
  /** A session of their own, for setting up data over HTTP (the page signs in separately). */
  session: string;
}

export interface E2eCrew {
  manager: E2ePerson;
  technician: E2ePerson;
  clerk: E2ePerson;
}

/** The seeded manager (id 1) sets the first PIN; a technician and a clerk are added with PINs. */
export async function setUpCrewOverHttp(harness: RunningHarness, names = { technician: 'Li Wei 李伟', clerk: 'Zhou Min 周敏' }): Promise<E2eCrew> {
  if (harness.manager !== null) return crewOfSetUpHarness(harness, names);
  await harness.call('auth.setPin', { session: null, staffId: 1, currentPin: null, newPin: E2E_PINS.manager });
  const manager = await harness.call('auth.signIn', { staffId: 1, pin: E2E_PINS.manager });
  const person = async (name: string, role: 'technician' | 'clerk'): Promise<E2ePerson> => {
    const saved = await harness.call('staff.save', { id: null, session: manager.token, name, role, active: true });
    await harness.call('auth.setPin', { session: manager.token, staffId: saved.id, currentPin: null, newPin: E2E_PINS[role] });
    const session = await harness.call('auth.signIn', { staffId: saved.id, pin: E2E_PINS[role] });
    return { id: saved.id, name, role, pin: E2E_PINS[role], session: session.token };
  };
  return {
    manager: { id: 1, name: manager.staff.name, role: 'manager', pin: E2E_PINS.manager, session: manager.token },
    technician: await person(names.technician, 'technician'),
    clerk: await person(names.clerk, 'clerk'),
  };
}

/** A set-up harness already has its manager; the default names are the harness's own crew (made once). */
async function crewOfSetUpHarness(harness: RunningHarness, names: { technician: string; clerk: string }): Promise<E2eCrew> {
  const manager = harness.manager!;
  const person = async (name: string, role: 'technician' | 'clerk'): Promise<E2ePerson> => {
    let token: string;
    if (name === DEFAULT_CREW_NAMES[role]) token = await harness.sessionFor(role);
    else {
      const saved = await harness.call('staff.save', { id: null, session: manager.token, name, role, active: true });
      await harness.call('auth.setPin', { session: manager.token, staffId: saved.id, currentPin: null, newPin: E2E_PINS[role] });
      token = (await harness.call('auth.signIn', { staffId: saved.id, pin: E2E_PINS[role] })).token;
    }
    const who = await harness.call('auth.session', { session: token });
    return { id: who.staff!.id, name, role, pin: E2E_PINS[role], session: token };
  };
  return {
    manager: { id: manager.staff.id, name: manager.staff.name, role: 'manager', pin: E2E_PINS.manager, session: manager.token },
    technician: await person(names.technician, 'technician'),
    clerk: await person(names.clerk, 'clerk'),
  };
}

export interface SignInLabels {
  signIn: string;
  staffMember: string;
  pin: string;
}

export const EN_SIGN_IN: SignInLabels = { signIn: 'Sign in', staffMember: 'Staff member', pin: 'PIN' };

/**
 * Signs in through the dialog. With `opened` the dialog is already showing (an action asked for it);
 * otherwise the header's Sign in button opens it.
 */
export async function signInThroughUi(page: Page, person: Pick<E2ePerson, 'id' | 'pin'>, labels = EN_SIGN_IN, opened = false): Promise<void> {
  if (!opened) await page.getByRole('banner').getByRole('button', { name: labels.signIn, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(labels.staffMember, { exact: true }).selectOption(String(person.id));
  const pin = dialog.getByLabel(labels.pin, { exact: true });
  await pin.fill(person.pin);
  await pin.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * Signs in on screen by the person's name and PIN: in the sign-in dialog an action has opened
 * (`opened`), or through the header's Sign in button.
 */
export async function signInOnScreen(page: Page, name: string, pin: string, options: { labels?: SignInLabels; opened?: boolean } = {}): Promise<void> {
  const labels = options.labels ?? EN_SIGN_IN;
  const dialog = page.getByRole('dialog');
  if (!options.opened) await page.getByRole('banner').getByRole('button', { name: labels.signIn, exact: true }).click();
  const select = dialog.getByLabel(labels.staffMember, { exact: true });
  await select.waitFor();
  const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
  await select.selectOption(value ?? '');
  const field = dialog.getByLabel(labels.pin, { exact: true });
  await field.fill(pin);
  await field.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}
