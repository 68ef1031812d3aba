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
  if (value === null || typeof value === "boolean" || typeof value === "number" || typeof value === "string") {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
    return `{${members.join(",")}}`;
  }
  return "null";
}
