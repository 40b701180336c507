// Search-as-you-type: waits for a pause in typing, then runs the request; only the answer to the
// newest request is delivered, however late older answers arrive.

export interface LatestRunner<I> {
  /** Schedules a run with this input after the delay, replacing any scheduled one. */
  schedule(input: I): void;
  /** Runs now, replacing any scheduled run. */
  runNow(input: I): void;
  /** Drops the scheduled run and any answer still on its way. */
  cancel(): void;
}

export interface LatestRunnerOptions<I, O> {
  delayMs: number;
  run: (input: I) => Promise<O>;
  onResult: (output: O, input: I) => void;
  onError?: (error: unknown, input: I) => void;
  /** Called when a run actually starts (e.g. to show "searching…"). */
  onStart?: (input: I) => void;
}

export function createLatestRunner<I, O>(options: LatestRunnerOptions<I, O>): LatestRunner<I> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  function start(input: I, gen: number): void {
    options.onStart?.(input);
    options.run(input).then(
      (output) => {
        if (gen === generation) options.onResult(output, input);
      },
      (error: unknown) => {
        if (gen === generation) options.onError?.(error, input);
      },
    );
  }

  return {
    schedule(input) {
      const gen = ++generation;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        start(input, gen);
      }, options.delayMs);
    },
    runNow(input) {
      const gen = ++generation;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      start(input, gen);
    },
    cancel() {
      generation++;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
