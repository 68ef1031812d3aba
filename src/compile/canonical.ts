/**
 * Canonical JSON: object keys sorted by code unit, no insignificant white space,
 * `undefined` members omitted. Two equal values always give the same bytes, which
 * is what the fingerprint hashes.
 * @module
 */

/**
 * Serialises a JSON-compatible value canonically.
 * @param value - plain data: objects, arrays, strings, finite numbers, booleans, null
 * @category Compile
 */
export function canonicalJson(value: unknown): string {
  // One string built by appending (no intermediate arrays): this runs on every compile.
  return write(value, "");
}

// Memos, all bounded so that odd input cannot grow them without limit. A compiled
// rubric repeats a few dozen keys and a few object layouts many times:
// - `"key":` for each key seen;
// - the sorted order of each key list seen (`Object.keys` order, which follows how the
//   object was built), found by its first key and checked key by key.
const MAX_MEMO = 10_000;
const MAX_LAYOUTS_PER_KEY = 16;
const quotedKeys = new Map<string, string>();
const layouts = new Map<string, { readonly keys: readonly string[]; readonly sorted: readonly string[] }[]>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < MAX_MEMO) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function sortedKeys(keys: readonly string[]): readonly string[] {
  const first = keys[0]!;
  let known = layouts.get(first);
  if (known !== undefined) {
    next: for (const layout of known) {
      if (layout.keys.length !== keys.length) continue;
      for (let i = 0; i < keys.length; i++) if (layout.keys[i] !== keys[i]) continue next;
      return layout.sorted;
    }
  } else if (layouts.size < MAX_MEMO) {
    known = [];
    layouts.set(first, known);
  }
  const sorted = [...keys].sort();
  if (known !== undefined && known.length < MAX_LAYOUTS_PER_KEY) known.push({ keys, sorted });
  return sorted;
}

function write(value: unknown, out: string): string {
  if (typeof value === "string") return out + JSON.stringify(value);
  if (value === null || typeof value === "boolean" || typeof value === "number") return out + JSON.stringify(value);
  if (Array.isArray(value)) {
    out += "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      const item: unknown = value[i];
      out = item === undefined ? out + "null" : write(item, out);
    }
    return out + "]";
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const all = Object.keys(record);
    if (all.length === 0) return `${out}{}`;
    const keys = sortedKeys(all);
    out += "{";
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const member = record[key];
      if (member === undefined) continue;
      if (!first) out += ",";
      first = false;
      out = write(member, out + quotedKey(key));
    }
    return out + "}";
  }
  return out + "null";
}
