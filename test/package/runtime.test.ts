import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Node the tests run on. `.ci/run` runs them on Node 20 (the `engines` floor) and again on
 * Node 24 with `SOCIAL_REACH_EXPECT_NODE=24`: this test fails if that second run did not really
 * happen on Node 24 (a `PATH` that still finds another node, say).
 */
const root = resolve(import.meta.dirname, '../..');
const engines: string = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).engines
  .node;

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

describe(`the runtime (Node ${process.version})`, () => {
  it('is at or above the engines floor', () => {
    const floor = /^>=\s*(\d+)\.(\d+)$/.exec(engines);
    expect(floor, `engines.node is "${engines}"`).not.toBeNull();
    const [floorMajor, floorMinor] = [Number(floor![1]), Number(floor![2])];
    expect(major > floorMajor || (major === floorMajor && minor >= floorMinor)).toBe(true);
  });

  it.runIf(process.env.SOCIAL_REACH_EXPECT_NODE)(
    'is the major version CI asked for (SOCIAL_REACH_EXPECT_NODE)',
    () => {
      expect(String(major)).toBe(process.env.SOCIAL_REACH_EXPECT_NODE);
    },
  );
});
