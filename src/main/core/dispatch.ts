// The contract boundary in main: checks the channel, validates the untrusted
// input against the contract's schema, runs the handler, and turns every
// failure into a typed error with a message in the shop's language.
import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract';
import { DeskError, FIELD_ERROR_CODES, type ContractError, type ContractResult, type FieldError, type FieldErrorCode } from '../../shared/errors';
import { translate } from '../../shared/i18n/translate';
import type { Language } from '../../shared/domain';
import type { DeskContext } from './context';
import { handlers, type Handlers } from './handlers';
import { loadSettings } from './features/settings/settings';
import { storageErrorCode } from './storage/storage-errors';
import { enforceAccess, field, requireAllowed } from './access';
import { checksRolesInUseCase, owingRoleCheck } from './role-check-in-use-case';
import { accessOf } from '../../shared/roles';

export type Dispatch = (channel: unknown, input: unknown) => Promise<ContractResult<unknown>>;

export interface DispatchOptions {
  /** Where unexpected failures are reported; the renderer never sees their detail. */
  logError?: (channel: string, error: unknown) => void;
}

/** One error per field (the first rule it broke), as the form shows one message a field. */
export function toFieldErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const code = (FIELD_ERROR_CODES as readonly string[]).includes(issue.message) ? (issue.message as FieldErrorCode) : 'invalid';
    if (!byPath.has(path)) byPath.set(path, { path, code });
  }
  return [...byPath.values()];
}

export function createDispatch(ctx: DeskContext, options: DispatchOptions = {}): Dispatch {
  const logError = options.logError ?? ((channel, error) => console.error(`[${channel}]`, error));

  async function language(): Promise<Language> {
    try {
      return (await ctx.db.read(loadSettings)).language;
    } catch {
      return 'en';
    }
  }

  async function fail(error: DeskError): Promise<{ ok: false; error: ContractError }> {
    const lang = await language();
    const fields = error.fields.length > 0 ? error.fields : undefined;
    return { ok: false, error: { code: error.code, message: translate(lang, `errors.${error.code}`), fields } };
  }

  /** A thrown error as the renderer sees it: our own as it is, storage faults by kind, the rest as "internal". */
  function failure(channel: string, error: unknown): Promise<{ ok: false; error: ContractError }> {
    if (error instanceof DeskError) return fail(error);
    logError(channel, error);
    const storage = storageErrorCode(error);
    return fail(new DeskError(storage ?? 'internal'));
  }

  return async (channel, input) => {
    if (!isChannel(channel)) return fail(new DeskError('not_found', [], `unknown channel ${String(channel)}`));
    // A desk whose data is missing or damaged serves only its recovery screen.
    if (ctx.safety.problem && !channel.startsWith('recovery.')) return fail(new DeskError('recovery_needed'));
    const handler = handlers[channel] as (input: unknown, ctx: DeskContext) => Promise<unknown>;
    // No input is read as {} below, so it is checked as {} here (never let through unchecked);
    // input that is not even an object is the schema's to refuse, just below.
    const given: unknown = input ?? {};
    // An open channel (a lookup at the counter) does not wait a turn for a check that has nothing to check.
    const access = accessOf(channel);
    const gated = typeof given === 'object' && given !== null && access.kind !== 'open';
    // A handler that starts with `acting` has its role checked in that transaction (role-check-in-use-case.ts);
    // with a manager's PIN typed, the check comes first as usual, before the PIN is counted.
    const checkedInUseCase = gated && access.kind === 'roles' && checksRolesInUseCase(handler) && !field(given, 'managerApproval');
    try {
      // The role table is checked first, once for every channel: someone who may not call a
      // channel learns nothing about its input rules.
      if (gated && !checkedInUseCase) await enforceAccess(ctx, channel, given);
    } catch (error) {
      return failure(channel, error);
    }
    const parsed = contract[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      // Input the use case never saw: the role is checked now, so a refusal still comes before the input rules.
      if (checkedInUseCase) {
        try {
          await enforceAccess(ctx, channel, given);
        } catch (error) {
          return failure(channel, error);
        }
      }
      return fail(new DeskError('validation', toFieldErrors(parsed.error.issues)));
    }
    try {
      if (!checkedInUseCase) return { ok: true, data: await handler(parsed.data, ctx) };
      let checked = false;
      const data = await handler(
        parsed.data,
        owingRoleCheck(ctx, (actor) => {
          requireAllowed(channel, actor, given);
          checked = true;
        }),
      );
      // A handler marked by mistake (one that never reached `acting`): what it did is done and is
      // answered as done, not retried by a clerk told it failed; the log and the tests must see it.
      if (!checked) logError(channel, new Error(`${channel} is marked to check roles in its use case but never did`));
      return { ok: true, data };
    } catch (error) {
      return failure(channel, error);
    }
  };
}

export type { Channel, Handlers };
