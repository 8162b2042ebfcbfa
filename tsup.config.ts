import { defineConfig } from 'tsup';

// One ESM bundle per entry; dependencies stay external (installed from package.json).
export default defineConfig({
  entry: {
    'cli/main': 'src/cli/main.ts',
    index: 'src/index.ts',
    'bench/run': 'src/bench/run.ts',
    'bench/serve': 'src/bench/serve.ts',
    'bench/plan': 'src/bench/plan.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  splitting: true,
  dts: false,
});
