// The renderer's build reads React through src/renderer/react-esm.mjs: every
// export the installed React ships must be there, with React's own value, or a
// screen (or a library) importing it would break only in the built desk.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as facadeModule from '../../src/renderer/react-esm.mjs';

const require = createRequire(import.meta.url);
const reactDir = dirname(require.resolve('react/package.json'));
/** What the packaged desk runs: React's production build. */
const production = require(join(reactDir, 'cjs/react.production.js')) as Record<string, unknown>;
/** What this test process loads for `react` (the development build, a few exports more). */
const loaded = require('react') as Record<string, unknown>;
const facade = facadeModule as unknown as Record<string, unknown>;

describe('React as an ES module (react-esm.mjs)', () => {
  it("names every export of React's production build", () => {
    const named = Object.keys(facade).filter((name) => name !== 'default');
    expect(named.sort()).toEqual(Object.keys(production).sort());
  });

  it('passes on React itself, not copies', () => {
    expect(facade.default).toBe(loaded);
    for (const name of Object.keys(production)) expect(facade[name], name).toBe(loaded[name]);
  });
});
