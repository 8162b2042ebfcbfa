import ora, { type Ora } from 'ora';
import type { EventSink, SyncEvent } from '../sync/events.js';
import type { Output } from './output.js';
import { startApplyBar, type ApplyBar } from './progress-bar.js';

/**
 * Draws engine events on stderr: a spinner while reading and a bar while applying when a person watches
 * (TTY, not --json/--quiet/CI); plain milestone lines otherwise; nothing with --json or --quiet.
 * Waits for a rate limit are shown with their length so a slow run never looks hung.
 */
export interface Progress {
  sink: EventSink;
  stop(): void;
}

export function createProgress(output: Output, signal?: AbortSignal): Progress {
  if (output.json || output.quiet) return { sink: () => {}, stop: () => {} };
  if (!output.interactive) return { sink: (event) => plainLine(output, event), stop: () => {} };
  const progress = interactiveProgress(output);
  signal?.addEventListener('abort', () => progress.stop(), { once: true });
  return progress;
}

function plainLine(output: Output, event: SyncEvent): void {
  if (event.type === 'phase') output.info(event.message);
  else if (event.type === 'planned') output.info(`Plan: ${event.toApply} of ${event.total} to write`);
  else if (event.type === 'waiting' && event.waitMs >= 5000)
    output.info(`Waiting ${Math.ceil(event.waitMs / 1000)}s: ${event.reason}`);
  else if (event.type === 'warning') output.warn(event.message);
  else if (event.type === 'item-failed') output.debug(`failed ${event.key}: ${event.message}`);
  else if (event.type === 'bulk-progress') output.info(bulkProgressText(event));
}

/** One line per bulk import step: the upload, Shopify's processing (lines done / total), the result read. */
export function bulkProgressText(event: Extract<SyncEvent, { type: 'bulk-progress' }>): string {
  if (event.stage === 'upload')
    return event.done < event.total
      ? `Bulk import ${event.operation}: uploading ${Math.ceil(event.total / 1024)} KB…`
      : `Bulk import ${event.operation}: uploaded`;
  if (event.stage === 'processing')
    return `Bulk import ${event.operation}: Shopify processed ${event.done} / ${event.total} lines`;
  return event.done === 0
    ? `Bulk import ${event.operation}: reading the results…`
    : `Bulk import ${event.operation}: read ${event.done} result lines`;
}

// discardStdin: false keeps the terminal in cooked mode, so Ctrl-C is a real SIGINT at any moment (ora's raw
// mode turns it into a keystroke that is only seen when the event loop is free).
function interactiveProgress(output: Output): Progress {
  let spinner: Ora | undefined = ora({ stream: output.stderr, text: 'Starting…', discardStdin: false }).start();
  let bar: ApplyBar | undefined;
  let done = 0;
  const stopSpinner = () => {
    spinner?.stop();
    spinner = undefined;
  };
  let stopped = false;
  const sink: EventSink = (event) => {
    if (stopped) return; // after Ctrl-C or the end: nothing more is drawn over the summary
    switch (event.type) {
      case 'phase':
        bar?.stop();
        bar = undefined;
        if (spinner) spinner.text = event.message;
        else spinner = ora({ stream: output.stderr, text: event.message, discardStdin: false }).start();
        break;
      case 'read-progress':
        if (spinner)
          spinner.text =
            `Reading ${event.what} from ${event.source}: ` + `${event.count}${event.total ? ` / ${event.total}` : ''}`;
        break;
      case 'planned':
        stopSpinner();
        if (event.toApply > 0) {
          bar = startApplyBar(output.stderr, event.toApply, event.what);
          done = 0;
        }
        break;
      case 'item-done':
      case 'item-failed':
        done += 1;
        bar?.update(done, event.key);
        break;
      case 'waiting':
        if (event.waitMs >= 2000) {
          if (bar) bar.wait(event.waitMs, event.reason);
          else if (spinner) spinner.text = `Waiting ${Math.ceil(event.waitMs / 1000)}s: ${event.reason}`;
        }
        break;
      case 'bulk-progress':
        if (bar) bar.update(done, bulkProgressText(event));
        else if (spinner) spinner.text = bulkProgressText(event);
        break;
      case 'warning':
        break; // shown in the summary
    }
  };
  return {
    sink,
    stop: () => {
      stopped = true;
      bar?.stop();
      bar = undefined;
      stopSpinner();
    },
  };
}
