// A one-line progress bar on a terminal (stderr); nothing when the output is not a TTY.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

export class ProgressBar {
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {}

  get enabled(): boolean {
    return !!this.stream.isTTY && this.total > 0;
  }

  update(done: number, label: string): void {
    if (!this.enabled) return;
    const cols = Math.max(40, this.stream.columns ?? 80);
    const barWidth = Math.min(30, cols - 30);
    const filled = Math.round((done / this.total) * barWidth);
    const head = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${done}/${this.total} `;
    const room = cols - head.length - 1;
    const tail = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
    this.stream.write(`\r\x1b[K${head}${tail}`);
    this.shown = true;
  }

  /** Clears the bar (before a line of text, and at the end). */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
