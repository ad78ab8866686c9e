// Joins the per-feature maps of channels (the contract, the handlers) into one.
// An object spread would let a second feature silently take over a channel
// name; this refuses it when the module loads.

type Joined<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]] ? Head & Joined<Rest> : unknown;

export function joinFeatures<const T extends readonly object[]>(...maps: T): Joined<T> {
  const joined: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, entry] of Object.entries(map)) {
      if (Object.prototype.hasOwnProperty.call(joined, name)) throw new Error(`the channel ${name} is defined by two features`);
      joined[name] = entry;
    }
  }
  return joined as Joined<T>;
}
