import { describe, expect, it } from '@jest/globals';
import { GroupCommit } from './group-commit.js';

/** A run that answers when told to, recording the batches it was given. */
function controlledRun() {
  const batches: number[][] = [];
  const finishers: Array<() => void> = [];
  const run = (inputs: number[]) => {
    batches.push(inputs);
    return new Promise<Array<number | Error>>((resolve) => {
      finishers.push(() => resolve(inputs.map((input) => (input < 0 ? new Error(`negative ${input}`) : input * 10))));
    });
  };
  return { batches, finishers, run };
}

describe('GroupCommit', () => {
  it('runs a lone item at once, and groups what arrives while statements are in flight', async () => {
    const { batches, finishers, run } = controlledRun();
    const commit = new GroupCommit(run, 1);
    const first = commit.submit(1);
    const later = [commit.submit(2), commit.submit(3), commit.submit(4)];
    expect(batches).toEqual([[1]]);
    finishers[0]!();
    expect(await first).toBe(10);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    finishers[1]!();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('keeps up to `parallel` statements in flight and caps a batch at maxWeight items', async () => {
    const { batches, finishers, run } = controlledRun();
    const commit = new GroupCommit(run, 2, 2);
    const all = [1, 2, 3, 4, 5, 6].map((input) => commit.submit(input));
    expect(batches).toEqual([[1], [2]]);
    finishers[0]!();
    await all[0];
    expect(batches).toEqual([[1], [2], [3, 4]]);
    for (let index = 1; index < 4; index += 1) {
      finishers[index]!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2], [3, 4], [5, 6]]);
  });

  it('caps a batch by the weight of its items, and sends an item heavier than the cap alone', async () => {
    const { batches, finishers, run } = controlledRun();
    const commit = new GroupCommit(run, 1, 10, (input: number) => input);
    const all = [1, 4, 5, 2, 30, 3].map((input) => commit.submit(input));
    for (let index = 0; index < 5; index += 1) {
      finishers[index]!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(all)).toEqual([10, 40, 50, 20, 300, 30]);
    expect(batches).toEqual([[1], [4, 5], [2], [30], [3]]);
  });

  it('fails only the item the run answered with an Error, and the whole batch when the run throws', async () => {
    const { finishers, run } = controlledRun();
    const commit = new GroupCommit(run, 1);
    const held = commit.submit(0);
    const [good, bad] = [commit.submit(1), commit.submit(-1)];
    finishers[0]!();
    await held;
    finishers[1]!();
    expect(await good).toBe(10);
    await expect(bad).rejects.toThrow('negative -1');

    const failing = new GroupCommit<number, number>(() => Promise.reject(new Error('connection lost')), 1);
    await expect(Promise.all([failing.submit(1), failing.submit(2)])).rejects.toThrow('connection lost');
  });
});
