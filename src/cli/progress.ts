/**
 * A progress bar on stderr for long scoring runs: drawn only when the stream is a
 * terminal and more than a few thousand units have been read, so pipes, files and
 * small runs see nothing. Redrawn every few hundred units (never on a timer), and
 * erased before any other message and at the end.
 * @module
 */

/** What the bar writes to: a terminal stream such as `process.stderr`. */
export interface ProgressStream {
  /** True when the stream is a terminal. */
  readonly isTTY?: boolean;
  /** Terminal width in characters. */
  readonly columns?: number;
  /** Writes text. */
  write(text: string): unknown;
}

/** A progress bar (see {@link progressBar}). */
export interface Progress {
  /** One more unit read. */
  unit(): void;
  /** Bytes read so far from the current file (for the percentage). */
  bytes(readSoFar: number): void;
  /** Starts the next file; `size` is its length in bytes. */
  file(size: number): void;
  /** Erases the bar (before another message, or at the end). */
  clear(): void;
}

/** Units read before the bar appears. */
export const PROGRESS_THRESHOLD = 5000;
const EVERY = 500;

/**
 * A progress bar over data files whose sizes are known.
 * @param stream - where to draw (nothing is drawn unless it is a terminal)
 * @param totalBytes - the data files' total size
 * @param threshold - units read before the bar appears
 */
export function progressBar(stream: ProgressStream, totalBytes: number, threshold = PROGRESS_THRESHOLD): Progress {
  let units = 0;
  let done = 0; // bytes of the files already finished
  let current = 0;
  let currentSize = 0;
  let shown = false;
  const draw = (): void => {
    const fraction = totalBytes > 0 ? Math.min(1, (done + current) / totalBytes) : 0;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
    const filled = Math.round(fraction * width);
    stream.write(`\r\x1b[Kscoring [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(fraction * 100)}%  ${units.toLocaleString("en")} units`);
    shown = true;
  };
  return {
    unit() {
      units++;
      if (stream.isTTY === true && units >= threshold && units % EVERY === 0) draw();
    },
    bytes(readSoFar) {
      current = readSoFar;
    },
    file(size) {
      done += currentSize;
      current = 0;
      currentSize = size;
    },
    clear() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
