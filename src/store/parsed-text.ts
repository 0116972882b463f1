/**
 * Remembers what a stored text parses to. Meant for content that is written once and never
 * changed (health-history versions): the briefing, a session's health check and the chart read
 * the same few versions again and again, and validating them costs more than reading them.
 *
 * The text itself is the key, so a remembered value can never be stale: other text, another
 * parse. Values are deep-frozen, since every reader shares one: a caller that wants to change a
 * history must copy it first (the import and intake code already do, with structuredClone),
 * and one that forgets fails loudly instead of changing what the next reader sees.
 */
export function rememberingParse<T>(
  parse: (text: string) => T,
  capacity = 512,
): (text: string) => T {
  const remembered = new Map<string, T>();
  return (text) => {
    const known = remembered.get(text);
    if (known !== undefined) {
      // Least recently used leaves first: re-inserting moves the entry to the end.
      remembered.delete(text);
      remembered.set(text, known);
      return known;
    }
    const value = deepFreeze(parse(text));
    remembered.set(text, value);
    if (remembered.size > capacity) remembered.delete(remembered.keys().next().value!);
    return value;
  };
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
