/** A one-line progress report on a terminal, or a line every few seconds when output is a log. */
export function createProgressReporter(
  stream: NodeJS.WriteStream,
  options: { totalBytes: number; now?: () => number; intervalMs?: number },
) {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const interval = options.intervalMs ?? (stream.isTTY ? 200 : 5000);
  let last = 0;
  return {
    update(rows: number, bytesRead: number, force = false): void {
      const at = now();
      if (!force && at - last < interval) return;
      last = at;
      const seconds = Math.max((at - started) / 1000, 0.001);
      const rate = rows / seconds;
      const fraction = options.totalBytes > 0 ? Math.min(bytesRead / options.totalBytes, 1) : 0;
      const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : Number.NaN;
      const width = 24;
      const filled = Math.round(fraction * width);
      const line =
        `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
        `${rows.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s  ` +
        `ETA ${Number.isFinite(eta) ? `${Math.ceil(eta)}s` : '?'}`;
      stream.write(stream.isTTY ? `\r${line}` : `${line}\n`);
    },
    done(): void {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
