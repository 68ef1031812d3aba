/**
 * Offsets ↔ editor positions. The AST counts 0-based UTF-16 offsets; the Language
 * Server Protocol counts 0-based lines and UTF-16 characters within a line. One table
 * of line starts per text answers both ways in O(log lines).
 * @module
 */

/** A position as the protocol writes it: 0-based line, 0-based UTF-16 character. */
export interface LspPosition {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 code unit within the line. */
  readonly character: number;
}

/** A span as the protocol writes it. */
export interface LspRange {
  /** First position. */
  readonly start: LspPosition;
  /** Position just after the span. */
  readonly end: LspPosition;
}

/** Line starts of one text, for converting offsets and positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  /** @param text - the document text (LF, CRLF or CR line ends) */
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // CR LF is one line end; a lone CR is one too, as the lexer counts it.
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  /** Number of lines (an empty text has one). */
  get lineCount(): number {
    return this.starts.length;
  }

  /**
   * The offset of a position, clamped into the text (a character past the line's end
   * means its end; a line past the last means the text's end).
   * @param position - a protocol position
   */
  offsetAt(position: LspPosition): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)]!;
    const end = this.lineEnd(Math.max(0, position.line));
    return Math.min(end, start + Math.max(0, position.character));
  }

  /**
   * The position of an offset (clamped into the text).
   * @param offset - a 0-based UTF-16 offset
   */
  positionAt(offset: number): LspPosition {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: at - this.starts[low]! };
  }

  /**
   * The protocol range of an offset span.
   * @param start - first offset
   * @param end - offset just after the span
   */
  range(start: number, end: number): LspRange {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /**
   * The text of one line without its line end.
   * @param line - 0-based line
   */
  lineText(line: number): string {
    if (line < 0 || line >= this.starts.length) return "";
    return this.text.slice(this.starts[line]!, this.lineEnd(line));
  }

  /**
   * Offset of a line's first character.
   * @param line - 0-based line
   */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset just before the line end of `line` (CR and LF excluded). */
  private lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    while (end > this.starts[line]! && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }
}
