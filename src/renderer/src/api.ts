// The renderer's one client for the contract. Inside Electron it goes through
// the preload bridge; served by the web harness it posts to the same handlers
// over loopback HTTP.
import type { Channel, ChannelInput, ChannelOutput, DeskBridge } from '../../shared/contract';
import type { ContractError, ContractResult } from '../../shared/errors';

declare global {
  interface Window {
    repairDesk?: DeskBridge;
  }
}

const httpBridge: DeskBridge = {
  async invoke(channel, input) {
    try {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as never;
    } catch {
      return { ok: false, error: { code: 'unavailable', message: '' } } as never;
    }
  },
};

const bridge: DeskBridge = window.repairDesk ?? httpBridge;

/** The system's folder dialog, inside Electron only (served by the harness, a path is typed instead). */
export const pickFolder: ((title: string) => Promise<string | null>) | null = bridge.pickFolder ? (title) => bridge.pickFolder!(title) : null;

export function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ContractResult<ChannelOutput<C>>> {
  return bridge.invoke(channel, input);
}

/** For screens that treat any failure as exceptional (loading lists, settings). */
export class ContractFailure extends Error {
  constructor(readonly error: ContractError) {
    super(error.message || error.code);
  }
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new ContractFailure(result.error);
  return result.data;
}
