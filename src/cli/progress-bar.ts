import cliProgress from 'cli-progress';

/**
 * The apply bar: a label ("Writing products"), done/total, an ETA from the real rate since the start (waits on
 * rate limits included, so it never says "1s" while a minute-long wait is ahead), and a status that counts down
 * while a rate limit holds the next request. Fits the terminal: the status is cut to the width left.
 */
export interface ApplyBar {
  update(done: number, status?: string): void;
  wait(waitMs: number, reason: string): void;
  stop(): void;
}

const LABELS: Record<string, string> = { products: 'Writing products', orders: 'Pushing orders' };

export function startApplyBar(
  stream: NodeJS.WritableStream & { columns?: number },
  total: number,
  what: string | undefined,
  now: () => number = Date.now,
): ApplyBar {
  const label = LABELS[what ?? ''] ?? 'Writing';
  const columns = stream.columns && stream.columns > 40 ? stream.columns : 80;
  const barsize = Math.max(10, Math.min(30, columns - 80));
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} {bar} {value}/{total} · {etaText} · {status}`,
      barsize,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = now();
  let done = 0;
  let status = '';
  let waitUntil = 0;
  let waitReason = '';
  const room = columns - 1 - (label.length + barsize + String(total).length * 2 + 20);
  const fit = (text: string) => (text.length <= room ? text : `${text.slice(0, Math.max(0, room - 1))}…`);
  const eta = () => {
    if (done === 0) return 'ETA …';
    const perItem = (now() - started) / done;
    return `ETA ${formatSeconds(((total - done) * perItem) / 1000)}`;
  };
  const draw = () => {
    const left = Math.ceil((waitUntil - now()) / 1000);
    // The countdown first: when the line is short, the reason is what gets cut.
    const shown = left > 0 ? `next request in ${left} s (${waitReason})` : status;
    bar.update(done, { status: fit(shown), etaText: eta() });
  };
  bar.start(total, 0, { status: '', etaText: eta() });
  // The countdown ticks once a second while a wait is announced; unref: it never keeps the process alive.
  const ticker = setInterval(() => waitUntil > now() && draw(), 1000);
  ticker.unref();
  return {
    update: (value, text) => {
      done = value;
      if (text !== undefined) status = text;
      draw();
    },
    wait: (waitMs, reason) => {
      waitUntil = now() + waitMs;
      waitReason = reason;
      draw();
    },
    stop: () => {
      clearInterval(ticker);
      bar.stop();
    },
  };
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
