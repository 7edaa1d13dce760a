/**
 * Group commit: each submitted item waits at most for the statements already in flight, and all
 * that arrived meanwhile go together in the next one. Alone, an item runs at once (no added
 * latency); under load, one round trip serves many. `run` answers per item: a value, or an Error
 * for that item alone. Hand-written because per-tick batchers (DataLoader) batch by event-loop
 * turn, not by round trip, and so stay at batches of one or two when work arrives spread out.
 */
export class GroupCommit<I, O> {
  private waiting: Array<{ input: I; resolve: (output: O) => void; reject: (error: unknown) => void }> = [];
  private running = 0;

  /**
   * A batch takes items while their total weight stays within `maxWeight` (each weighs 1 unless
   * `weightOf` says otherwise); an item heavier than that goes alone.
   */
  constructor(
    private readonly run: (inputs: I[]) => Promise<Array<O | Error>>,
    private readonly parallel = 2,
    private readonly maxWeight = 500,
    private readonly weightOf: (input: I) => number = () => 1,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.next();
    });
  }

  private batchLength(): number {
    let weight = 0;
    let length = 0;
    while (length < this.waiting.length) {
      weight += this.weightOf(this.waiting[length]!.input);
      if (length > 0 && weight > this.maxWeight) break;
      length += 1;
    }
    return length;
  }

  private next(): void {
    while (this.running < this.parallel && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.batchLength());
      this.running += 1;
      const settled = () => {
        this.running -= 1;
        this.next();
      };
      this.run(batch.map((item) => item.input)).then(
        (outputs) => {
          settled();
          for (const [index, item] of batch.entries()) {
            const output = outputs[index];
            if (output instanceof Error) item.reject(output);
            else item.resolve(output as O);
          }
        },
        (error: unknown) => {
          settled();
          for (const item of batch) item.reject(error);
        },
      );
    }
  }
}
