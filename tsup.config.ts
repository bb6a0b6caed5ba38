import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'provider/index': 'src/provider-kit.ts',
    'testing/index': 'src/testing/index.ts',
    'postgres/index': 'src/stores/postgres/index.ts',
    'redis/index': 'src/redis/index.ts',
    'reports/index': 'src/visual/index.ts',
    // the command (bin) and what it is made of (social-reach/cli): Node only, with csv-parse
    'cli/index': 'src/cli/index.ts',
    'cli/bin': 'src/cli/bin.ts',
  },
  format: ['esm'],
  target: 'node20',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
});
