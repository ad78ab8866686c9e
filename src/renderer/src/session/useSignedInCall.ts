// Calls a privileged channel as the signed-in staff member: asks for a sign-in
// when nobody is, and once more when main says the session has ended.
import { useCallback } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import type { ContractResult } from '../../../shared/errors';
import { invoke } from '../api';
import { useSession } from './session-context';

type SessionChannel = { [C in Channel]: 'session' extends keyof ChannelInput<C> ? C : never }[Channel];
type WithoutSession<C extends Channel> = Omit<ChannelInput<C>, 'session'>;

export type SignedInResult<T> = ContractResult<T> | { ok: false; cancelled: true };

function sessionEnded(result: ContractResult<unknown>): boolean {
  return !result.ok && (result.error.fields ?? []).some((field) => field.path === 'session' && field.code === 'signed_out');
}

export function useSignedInCall() {
  const { ensureSession, sessionEnded: forget } = useSession();
  return useCallback(
    async <C extends SessionChannel>(channel: C, input: WithoutSession<C>): Promise<SignedInResult<ChannelOutput<C>>> => {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const session = await ensureSession();
        if (session === null) return { ok: false, cancelled: true };
        const result = await invoke(channel, { ...input, session } as unknown as ChannelInput<C>);
        if (!sessionEnded(result) || attempt === 1) return result;
        forget();
      }
      return { ok: false, cancelled: true };
    },
    [ensureSession, forget],
  );
}

export function isCancelled<T>(result: SignedInResult<T>): result is { ok: false; cancelled: true } {
  return !result.ok && 'cancelled' in result;
}
