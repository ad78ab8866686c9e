// Signing in and out with a PIN, and setting one's own PIN.
import type { FeatureHandlers } from '../../handler-map';
import type { sessionChannels } from '../../../../shared/staff-contract';
import { currentSession, setPin, signIn, signInRoster, signOut } from './auth';

export const sessionHandlers: FeatureHandlers<typeof sessionChannels> = {
  'auth.roster': (_input, { db, clock }) => db.read((tx) => signInRoster(tx, clock.now().toISOString())),
  'auth.signIn': (input, ctx) => signIn(ctx, input.staffId, input.pin),
  'auth.signOut': async (input, ctx) => signOut(ctx, input.session),
  'auth.session': (input, ctx) => currentSession(ctx, input.session),
  'auth.setPin': (input, ctx) => setPin(ctx, input),
};
