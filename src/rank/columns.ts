/**
 * Compact columns for a million units: growable integer arrays, texts stored as codes
 * into a table of the distinct texts (published figures repeat), and an index of unit
 * ids by open addressing over typed arrays (a `Map` costs several times more per id).
 * @module
 */

/** A growable column of 32-bit integers. */
export class IntColumn {
  private data: Int32Array;
  /** Values pushed. */
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  /** Appends a value. */
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  /** The value at `i`. */
  at(i: number): number {
    return this.data[i]!;
  }
  /** The values pushed, as an array of their own (the column's storage is released). */
  toArray(): Int32Array {
    const values = this.data.length === this.length ? this.data : this.data.slice(0, this.length);
    this.data = new Int32Array(0);
    this.length = 0;
    return values;
  }
}

/** Distinct texts kept as codes; past this many, a column holds its texts directly. */
const MAX_CODES = 65_536;

/**
 * A column of texts: one text while every value is the same (a maximum every unit
 * shares); while they have few distinct values (published figures), a 16-bit code per
 * value into a table of the texts; beyond {@link MAX_CODES} distinct texts, the texts
 * themselves.
 */
export class TextColumn {
  private codes: Uint16Array | undefined;
  private readonly table: string[] = [];
  private readonly codeOf = new Map<string, number>();
  private texts: string[] | undefined;
  private count = 0;
  /** Appends a text. */
  push(text: string): void {
    if (this.texts === undefined) {
      let code = this.codeOf.get(text);
      if (code === undefined && this.table.length < MAX_CODES) {
        this.codeOf.set(text, (code = this.table.length));
        this.table.push(text);
      }
      if (code !== undefined) {
        // Codes are stored from the second distinct text on (until then every code is 0).
        if (this.codes === undefined && code > 0) this.codes = new Uint16Array(Math.max(1024, this.count * 2));
        if (this.codes !== undefined) {
          if (this.count === this.codes.length) {
            const grown = new Uint16Array(this.codes.length * 2);
            grown.set(this.codes);
            this.codes = grown;
          }
          this.codes[this.count] = code;
        }
        this.count++;
        return;
      }
      // Too many distinct texts for codes: keep the texts themselves from now on.
      this.texts = Array.from({ length: this.count }, (_, i) => this.at(i));
      this.codes = undefined;
      this.codeOf.clear();
    }
    this.texts.push(text);
    this.count++;
  }
  /** The text at `i`. */
  at(i: number): string {
    if (this.texts !== undefined) return this.texts[i]!;
    return this.table[this.codes === undefined ? 0 : this.codes[i]!]!;
  }
}

/** FNV-1a over a string's UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The first position of each distinct id among ids added in order: an open-addressing
 * table of positions (−1 empty) over the caller's own array of ids.
 */
export class IdIndex {
  private slots = new Int32Array(2048).fill(-1);
  private used = 0;
  constructor(private readonly ids: readonly string[]) {}
  /**
   * Records that `ids[position]` was added.
   * @returns the first position of the same id, or undefined when it is new
   */
  add(position: number): number | undefined {
    const id = this.ids[position]!;
    const found = this.find(id);
    if (found !== undefined) return found;
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    this.place(position, hashOf(id));
    this.used++;
    return undefined;
  }
  /** The first position of an id, or undefined. */
  find(id: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let s = hashOf(id) & mask; ; s = (s + 1) & mask) {
      const p = this.slots[s]!;
      if (p < 0) return undefined;
      if (this.ids[p] === id) return p;
    }
  }
  private place(position: number, hash: number): void {
    const mask = this.slots.length - 1;
    let s = hash & mask;
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = position;
  }
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    for (const p of old) if (p >= 0) this.place(p, hashOf(this.ids[p]!));
  }
}
