/** Reports progress: `done` of `total` steps, the step just finished. */
export type OnProgress = (done: number, total: number, label: string) => void;

/** Counts steps towards a known total and reports each one. */
export function progressCounter(total: number, onProgress: OnProgress | undefined): (label: string) => void {
  let done = 0;
  return (label) => {
    done += 1;
    onProgress?.(done, total, label);
  };
}

/** Where a progress bar draws: a terminal (TTY) or a pipe/log file. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * A progress bar for `onProgress`: on a terminal it redraws one line with `\r`; elsewhere (CI
 * logs, pipes) it prints a line every 10 %, so logs stay short.
 */
export function progressBar(stream: ProgressStream, width = 30): OnProgress {
  let printedTenth = -1;
  return (done, total, label) => {
    const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
    const percent = `${Math.floor(share * 100)}%`.padStart(4);
    if (stream.isTTY) {
      // Narrow terminals keep the percentage: the bar shrinks and the label is cut first.
      const room = Math.max(10, (stream.columns || 80) - 1);
      const barWidth = Math.max(0, Math.min(width, Math.floor(room / 3), room - percent.length - 3));
      const filled = Math.round(share * barWidth);
      const bar = barWidth > 0 ? `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ` : '';
      const line = `${bar}${percent} ${label}`;
      stream.write(`\r${line.slice(0, room).padEnd(room)}${done >= total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > printedTenth) {
      printedTenth = tenth;
      stream.write(`${percent.trim()} ${label}\n`);
    }
  };
}
