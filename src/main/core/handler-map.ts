// The shape of the desk's handlers: one per contract channel, each taking the
// validated input and the desk's context. Each feature declares its handlers
// for exactly the channels of its own contract entries, so a channel added to
// a feature's contract is a type error until its handler exists.
import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { DeskContext } from './context';

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>, ctx: DeskContext) => Promise<ChannelOutput<C>>;

export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers of one feature's contract entries (e.g. `FeatureHandlers<typeof collectionChannels>`). */
export type FeatureHandlers<Entries extends object> = { [C in keyof Entries & Channel]: Handler<C> };
