import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const repoRoot = path.resolve(import.meta.dirname, '../..')

export type WorkerProcess = { child: ChildProcess; output: string[]; exited: Promise<number | null> }

/**
 * `npm run worker`, exactly as deployed: its own process, its own Payload, the same database.
 * Node with tsx's loader rather than the tsx CLI, which runs the script in a child process: a
 * SIGKILL must hit the process that holds the jobs, not a wrapper that can't pass it on.
 */
export function startWorker(env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORTICO_WORKER_IDLE_MS: '100', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => process.env.PORTICO_VERBOSE === '1' && process.stderr.write(chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output, exited }
}

/** Stops a worker that is still running (SIGTERM, as a deploy would) and waits for it to exit. */
export async function stopWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM')
  await worker.exited
}

/**
 * Starts a child until it reports ready, with one retry: a Node child importing the Payload config
 * has been seen to exit 13 at startup on a loaded machine, before it did anything. `start` returns
 * the child and a promise that settles true when it is ready (false if it exited first).
 */
export async function startWithOneRetry<T>(what: string, start: () => { process: T; ready: Promise<boolean>; describe: () => string }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const started = start()
    if (await started.ready) return started.process
    if (attempt === 2) throw new Error(`${what} exited before it was ready: ${started.describe()}`)
  }
}

/** A worker that has started delivering (it printed its ready line). */
export const startReadyWorker = (env: Record<string, string> = {}): Promise<WorkerProcess> =>
  startWithOneRetry('The worker', () => {
    const worker = startWorker(env)
    const ready = Promise.race([
      new Promise<boolean>((resolve) => {
        const check = () => (worker.output.join('').includes('delivering portal events') ? resolve(true) : setTimeout(check, 50))
        check()
      }),
      worker.exited.then(() => false),
    ])
    return { process: worker, ready, describe: () => `code ${worker.child.exitCode}; ${worker.output.join('')}` }
  })
