/**
 * Validation combinators that answer as zod does — its checks, its English messages,
 * its issue order — for the zod-free validators of the runtime entry point: stored
 * compiled rubrics (`check-compiled.ts`), submissions (`io/validate.ts`) and last
 * period's ranking (`io/previous.ts`).
 * @module
 */

/**
 * A string's length in code points, as zod measures it (a surrogate pair is one).
 * @param s - the string
 */
export function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** A problem with its path relative to the value being read (prefixed on the way out). */
export interface Issue {
  path: (string | number)[];
  readonly message: string;
}

/** Reads a value: returns the output, or pushes issues (the output is then ignored). */
export type Reader = (raw: unknown, issues: Issue[]) => unknown;

/** A field of an object: its reader, and whether an absent (or `undefined`) value is fine. */
export interface Field {
  readonly read: Reader;
  readonly optional: boolean;
}

/** The type name zod's messages give a received value ("array", "null", a class name…). */
export function received(v: unknown): string {
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : Number.isFinite(v) ? "number" : String(v);
  if (typeof v !== "object") return typeof v;
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (Object.getPrototypeOf(v) !== Object.prototype && "constructor" in v && v.constructor) return (v.constructor as { name: string }).name;
  return "object";
}

/** Pushes zod's type issue ("Invalid input: expected …, received …"); returns undefined. */
export function wrongType(expected: string, raw: unknown, issues: Issue[]): undefined {
  issues.push({ path: [], message: `Invalid input: expected ${expected}, received ${received(raw)}` });
  return undefined;
}

/** Prefixes with `key` the issues pushed since `start`; true when there were any. */
export function prefixFrom(issues: Issue[], start: number, key: string | number): boolean {
  for (let i = start; i < issues.length; i++) issues[i]!.path.unshift(key);
  return issues.length > start;
}

/**
 * A string with a length bound, as `z.string().min()`/`.max()` checks it. As in zod, the
 * bound is also checked on a non-string that has a `length` (an array, say), after the
 * type issue.
 */
export function boundedString(bound: { readonly min: number; readonly message: string } | { readonly max: number }): Reader {
  return (raw, issues) => {
    const isString = typeof raw === "string";
    if (!isString) wrongType("string", raw, issues);
    if (raw === undefined || raw === null || (raw as { length?: unknown }).length === undefined) return raw;
    const units = (raw as { length: number }).length;
    if ("min" in bound) {
      if (!(units >= bound.min)) issues.push({ path: [], message: bound.message });
    } else {
      const length = isString && units > bound.max ? codePoints(raw) : units;
      if (!(length <= bound.max)) {
        const what = isString ? `string to have <=${bound.max} characters` : Array.isArray(raw) ? `array to have <=${bound.max} items` : `unknown to be <=${bound.max}`;
        issues.push({ path: [], message: `Too big: expected ${what}` });
      }
    }
    return raw;
  };
}

/** An array read element by element, each element's issues prefixed with its index. */
export function arrayOf(element: Reader): Reader {
  return (raw, issues) => {
    if (!Array.isArray(raw)) return wrongType("array", raw, issues);
    const start = issues.length;
    // Index by index, as zod reads it (a hole in a sparse array is an undefined element).
    const out: unknown[] = new Array<unknown>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const at = issues.length;
      out[i] = element(raw[i], issues);
      prefixFrom(issues, at, i);
    }
    return issues.length > start ? undefined : out;
  };
}

/** Any string. */
export const anyString: Reader = (raw, issues) => (typeof raw === "string" ? raw : wrongType("string", raw, issues));

/** An object as zod's objects take it: not null, not an array (a class instance is one). */
export function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

/** Pushes zod's one issue for the undeclared keys of an object, if any. */
export function unrecognized(keys: readonly string[], issues: Issue[]): void {
  if (keys.length > 0) issues.push({ path: [], message: `Unrecognized key${keys.length > 1 ? "s" : ""}: ${keys.map((k) => `"${k}"`).join(", ")}` });
}

/**
 * An object: declared keys in shape order (a key is present when the object owns it),
 * then the undeclared ones refused together — or ignored, for a `loose` object.
 */
export function objectReader(fields: Record<string, Field>, loose = false): Reader {
  const keys = Object.keys(fields);
  const declared = new Set(keys);
  return (raw, issues) => {
    if (!isObject(raw)) return wrongType("object", raw, issues);
    const start = issues.length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const field = fields[key]!;
      const present = Object.hasOwn(raw, key);
      const value = present ? raw[key] : undefined;
      if (field.optional && value === undefined) {
        if (present) out[key] = undefined;
        continue;
      }
      const at = issues.length;
      const read = field.read(value, issues);
      if (!prefixFrom(issues, at, key) && present) out[key] = read;
    }
    if (!loose) unrecognized(Object.keys(raw).filter((key) => !declared.has(key)), issues);
    return issues.length > start ? undefined : out;
  };
}

/** A field that may be absent (or `undefined`). */
export const optional = (read: Reader): Field => ({ read, optional: true });
/** A field that must be there (its reader says what an absent value gets). */
export const required = (read: Reader): Field => ({ read, optional: false });

/** True for what zod's records take: an object whose constructor (if any) looks like `Object`. */
export function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  if (!isObject(raw)) return false;
  const ctor: unknown = raw.constructor;
  if (ctor === undefined || typeof ctor !== "function") return true;
  const prototype: unknown = (ctor as { prototype?: unknown }).prototype;
  return isObject(prototype) && Object.hasOwn(prototype, "isPrototypeOf");
}

