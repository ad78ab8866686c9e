// npm run reliability [-- --trials 100 --fuzz-runs 500]: the reliability suite
// at length (npm test runs it with a few trials): crash trials, bad input per
// channel, backup under a writer.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '100' }, 'fuzz-runs': { type: 'string', default: '500' } } });
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'tests/unit/reliability.test.ts', 'tests/unit/contract-fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, RELIABILITY_TRIALS: values.trials, RELIABILITY_FUZZ_RUNS: values['fuzz-runs'] },
});
process.exit(result.status ?? 1);
