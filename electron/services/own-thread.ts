import { MessageChannel } from 'node:worker_threads';
import { workerPool } from './worker-pool';

export type ThreadRun<R> = { cancelled: false; result: R } | { cancelled: true };

/**
 * Runs the task `name` exported by the `worker` module next to `callerFile`
 * on a thread of its own, so a long job never blocks the host. Progress the
 * task posts on its port reaches `progress`. Aborting `signal` terminates the
 * thread; the promise resolves only once the thread has stopped, so its
 * connection no longer holds the workspace's write lock, and says the run was
 * cancelled. A task that fails otherwise rejects with its error.
 */
export async function runOnOwnThread<R, P = unknown>(
  callerFile: string,
  name: string,
  task: object,
  options: { signal?: AbortSignal; progress?: (update: P) => void } = {},
): Promise<ThreadRun<R>> {
  const pool = workerPool<object, R>(callerFile, { name, threads: 1, minThreads: 0 });
  const { port1, port2 } = new MessageChannel();
  const { progress, signal } = options;
  if (progress) port1.on('message', (update: P) => progress(update));
  try {
    const result = await pool.run({ ...task, port: port2 }, { transferList: [port2], signal });
    return { cancelled: false, result };
  } catch (error) {
    if (signal?.aborted) return { cancelled: true };
    throw error;
  } finally {
    port1.close();
    await pool.destroy();
  }
}
