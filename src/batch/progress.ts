// A progress bar for a long register, drawn only on a terminal: piped or
// redirected output must stay exactly the report, with no control characters.

export interface ProgressOptions {
  write: (text: string) => void;
  isTTY: boolean;
  /** Cells in the bar. */
  width?: number;
  /** Least time between redraws, so a fast run does not flood the terminal. */
  intervalMs?: number;
  now?: () => number;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar, leaving the cursor where the bar began. */
  clear(): void;
}

export function progressBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.min(width, Math.floor((done / total) * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} plans`;
}

export function createProgress(options: ProgressOptions): Progress {
  const { write, isTTY, width = 20, intervalMs = 50, now = Date.now } = options;
  if (!isTTY) return { update() {}, clear() {} };
  let shown = 0;
  let last = -Infinity;
  return {
    update(done, total) {
      const t = now();
      // The first and last states are always drawn; between them, at most one redraw per interval.
      if (done !== 0 && done !== total && t - last < intervalMs) return;
      last = t;
      const text = progressBar(done, total, width);
      write(`\r${text}${' '.repeat(Math.max(0, shown - text.length))}`);
      shown = text.length;
    },
    clear() {
      if (shown > 0) write(`\r${' '.repeat(shown)}\r`);
      shown = 0;
    },
  };
}
