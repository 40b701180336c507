// A small pool of index workers. Tasks are queued and each worker runs one at a time; `terminate` stops
// everything at once (cancellation), rejecting whatever was still running or queued.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ArticleMeta, FailedFile } from '../api.js';
import { workerScript } from '../worker-script.js';
import { ApiError } from '../api-error.js';
import type { IndexTask, WorkerMessage } from './index-tasks.js';

export interface TaskListeners {
  onProgress?: (n: number) => void;
  /** Something the worker could not do for one article, which was indexed all the same. */
  onWarning?: (w: FailedFile) => void;
  /** Articles the worker has parsed (not indexed yet). */
  onParsed?: (metas: ArticleMeta[]) => void;
}

interface Job extends TaskListeners {
  task: IndexTask;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export class CancelledError extends ApiError {
  constructor() {
    super('cancelled', 'indexing was cancelled');
  }
}

export class WorkerPool {
  private idle: Worker[] = [];
  private all: Worker[] = [];
  private queue: Job[] = [];
  private running = new Map<Worker, Job>();
  private stopped = false;

  /** Workers start when there is work for them, up to `size`. */
  constructor(
    private readonly size: number,
    private readonly resourceLimits?: ResourceLimits,
  ) {}

  private spawn(): void {
    const w = new Worker(workerScript('index'), { resourceLimits: this.resourceLimits });
    w.unref();
    w.on('message', (m: WorkerMessage) => this.onMessage(w, m));
    w.on('error', (e) => this.finish(w, e));
    w.on('exit', (code) => {
      if (this.running.has(w)) this.finish(w, new Error(`index worker stopped (exit code ${code})`));
    });
    this.all.push(w);
    this.idle.push(w);
  }

  run<T>(task: IndexTask, listeners: TaskListeners = {}): Promise<T> {
    if (this.stopped) return Promise.reject(new CancelledError());
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ...listeners, task, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > this.idle.length && this.all.length < this.size) this.spawn();
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      w.ref();
      w.postMessage(job.task);
    }
  }

  private onMessage(w: Worker, m: WorkerMessage): void {
    const job = this.running.get(w);
    if (!job) return;
    if (m.type === 'progress') job.onProgress?.(m.n);
    else if (m.type === 'warning') job.onWarning?.(m.warning);
    else if (m.type === 'parsed') job.onParsed?.(m.metas);
    else if (m.type === 'result') this.finish(w, null, m.result);
    else this.finish(w, new Error(m.message));
  }

  private finish(w: Worker, err: Error | null, result?: unknown): void {
    const job = this.running.get(w);
    if (!job) return;
    this.running.delete(w);
    w.unref();
    if (err) job.reject(err);
    else job.resolve(result);
    if (!this.stopped) {
      this.idle.push(w);
      this.pump();
    }
  }

  async terminate(): Promise<void> {
    this.stopped = true;
    const pending = [...this.running.values(), ...this.queue];
    this.queue = [];
    this.running.clear();
    await Promise.all(this.all.map((w) => w.terminate()));
    for (const job of pending) job.reject(new CancelledError());
  }
}
