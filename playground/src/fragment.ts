/**
 * The page's state in the URL fragment, so a link reproduces it: the language, the
 * example, the rubric text (left out while it is the example's own) and the form.
 * JSON, deflated where the browser can (CompressionStream), base64url. A fragment
 * that cannot be read gives `undefined`, never an exception.
 */
import type { Lang } from "./i18n.js";

/** What the form holds: every field as the author typed it. */
export interface FormValues {
  /** Unit facts by name. */
  facts: Record<string, string>;
  /** Inputs by node id, then input name. */
  inputs: Record<string, Record<string, string>>;
  /** Points given for `score = given` leaves, by node id. */
  points: Record<string, string>;
  /** Leaves declared not arising. */
  notArising: string[];
}

/** Everything a link carries. */
export interface PageState {
  lang: Lang;
  /** The example the rubric came from, if any. */
  example: string | undefined;
  rubric: string;
  form: FormValues;
}

const MAX_FRAGMENT = 4_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * The fragment (without `#`) for a state.
 * @param state - the page's state
 * @param exampleText - the example's rubric, to leave out when unchanged
 */
export async function encodeState(state: PageState, exampleText: string | undefined): Promise<string> {
  const saved = { v: 1, lang: state.lang, example: state.example, rubric: state.rubric === exampleText ? undefined : state.rubric, form: state.form };
  const bytes = new TextEncoder().encode(JSON.stringify(saved));
  if (typeof CompressionStream === "function") return `z.${toBase64Url(await through(bytes, new CompressionStream("deflate-raw")))}`;
  return `j.${toBase64Url(bytes)}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A record with no prototype: a key such as `__proto__` in a crafted link stays a key. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function strings(v: unknown): Record<string, string> {
  const out = emptyRecord<string>();
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

/**
 * Reads a fragment back; undefined when it is empty, damaged or not ours.
 * @param fragment - `location.hash` without `#`
 * @param exampleText - the rubric of an example, by name
 */
export async function decodeState(fragment: string, exampleText: (name: string) => string | undefined): Promise<PageState | undefined> {
  if (fragment.length < 3 || fragment.length > MAX_FRAGMENT) return undefined;
  try {
    const bytes = fromBase64Url(fragment.slice(2));
    const json = fragment.startsWith("z.") ? await through(bytes, new DecompressionStream("deflate-raw")) : fragment.startsWith("j.") ? bytes : undefined;
    if (json === undefined) return undefined;
    const saved: unknown = JSON.parse(new TextDecoder().decode(json));
    if (!isRecord(saved) || saved["v"] !== 1) return undefined;
    const example = typeof saved["example"] === "string" ? saved["example"] : undefined;
    const rubric = typeof saved["rubric"] === "string" ? saved["rubric"] : example === undefined ? undefined : exampleText(example);
    if (rubric === undefined) return undefined;
    const form = isRecord(saved["form"]) ? saved["form"] : {};
    const inputs = emptyRecord<Record<string, string>>();
    if (isRecord(form["inputs"])) for (const [node, values] of Object.entries(form["inputs"])) inputs[node] = strings(values);
    return {
      lang: saved["lang"] === "en" ? "en" : "vi",
      example,
      rubric,
      form: {
        facts: strings(form["facts"]),
        inputs,
        points: strings(form["points"]),
        notArising: Array.isArray(form["notArising"]) ? form["notArising"].filter((x): x is string => typeof x === "string") : [],
      },
    };
  } catch {
    return undefined;
  }
}
