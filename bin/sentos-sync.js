#!/usr/bin/env node
// Tiny entry: decide colour before chalk is imported (chalk ignores NO_COLOR itself), then load the build.
const argv = process.argv.slice(2);
const noColor =
  'NO_COLOR' in process.env || argv.includes('--no-color') || argv.includes('--json') || process.env.TERM === 'dumb';
if (noColor) process.env.FORCE_COLOR = '0';

const { main } = await import('../dist/cli/main.js');
await main(process.argv);
