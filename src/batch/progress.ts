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
  /** What is counted: plans, or notices. */
  noun?: string;
}

export interface Progress {
  /** `total`: the rows, when known; else `fraction`: how much of the file is read (0-1), when known. */
  update(done: number, total: number | null, fraction?: number | null): void;
  /** Erases the bar, leaving the cursor where the bar began. */
  clear(): void;
}

export function progressBar(done: number, total: number | null, width = 20, fraction: number | null = null, noun = 'plan'): string {
  const share = total !== null ? (total === 0 ? 1 : done / total) : fraction;
  const count = total !== null ? `${done}/${total} ${noun}s` : `${done} ${noun}${done === 1 ? '' : 's'}`;
  if (share === null) return `${count} checked`;
  const filled = Math.min(width, Math.floor(share * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}${total === null ? `, ${Math.min(100, Math.floor(share * 100))}% of the file read` : ''}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const { write, isTTY, width = 20, intervalMs = 50, now = Date.now, noun = 'plan' } = options;
  if (!isTTY) return { update() {}, clear() {} };
  let shown = 0;
  let last = -Infinity;
  return {
    update(done, total, fraction = null) {
      const t = now();
      // The first and last states are always drawn; between them, at most one redraw per interval.
      if (done !== 0 && done !== total && fraction !== 1 && t - last < intervalMs) return;
      last = t;
      const text = progressBar(done, total, width, fraction, noun);
      write(`\r${text}${' '.repeat(Math.max(0, shown - text.length))}`);
      shown = text.length;
    },
    clear() {
      if (shown > 0) write(`\r${' '.repeat(shown)}\r`);
      shown = 0;
    },
  };
}
