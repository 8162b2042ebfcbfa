import { Chalk } from 'chalk';
import { writeFileAtomic } from '../../core/files.js';
import type { RunReport } from '../../sync/report.js';
import type { Runtime } from '../runtime.js';
import { renderPlan } from './plan.js';
import { renderSummary } from './summary.js';

/** How a run's result is shown: every item or the first few, and where to save the whole plan. */
export interface ResultView {
  all?: boolean;
  /** plan.txt (the plan text, every item, no colour) or plan.json (the --json document). */
  output?: string;
}

interface Phase {
  title: string;
  report: RunReport;
}

/** stdout: the plan (or, in a real run, what changed; not with --quiet) then the summary of each phase. */
export async function printResult(runtime: Runtime, phases: Phase[], json: unknown, view: ResultView): Promise<void> {
  if (view.output) saveResult(runtime, phases, json, view.output);
  if (runtime.output.json) {
    await runtime.output.streamResultJson(json);
    return;
  }
  const c = runtime.output.chalk;
  const blocks = phases.map(({ title, report }) => {
    const showPlan = report.dryRun || !runtime.output.quiet;
    const plan = showPlan ? renderPlan(report, c, { all: Boolean(view.all) }) : '';
    return [plan, renderSummary(report, title, c)].filter(Boolean).join('\n\n');
  });
  runtime.output.result(blocks.join('\n\n'));
}

function saveResult(runtime: Runtime, phases: Phase[], json: unknown, file: string): void {
  const plain = new Chalk({ level: 0 });
  const text = file.endsWith('.json')
    ? JSON.stringify(json)
    : phases
        .map(
          ({ title, report }) =>
            `${renderPlan(report, plain, { all: true })}\n\n${renderSummary(report, title, plain)}`,
        )
        .join('\n\n');
  writeFileAtomic(file, `${runtime.output.scrub(text)}\n`);
  runtime.output.info(`Saved the ${file.endsWith('.json') ? 'report' : 'plan'} to ${file}.`);
}
