/**
 * Canonical JSON: object keys sorted by code unit, no insignificant white space,
 * `undefined` members omitted. Two equal values always give the same bytes, which
 * is what the fingerprint hashes.
 * @module
 */

/**
 * Serialises a JSON-compatible value canonically.
 * @param value - plain data: objects, arrays, strings, finite numbers, booleans, null
 */
export function canonicalJson(value: unknown): string {
  // One string built by appending (no intermediate arrays): this runs on every compile.
  return write(value, "");
}

// `"key":` for each key seen: a compiled rubric repeats a few dozen keys many times.
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
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
    const keys = Object.keys(record).sort();
    out += "{";
    let first = true;
    for (const key of keys) {
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
