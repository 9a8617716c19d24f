/**
 * Running a coursemark command for the fuzz suite, two ways: as a Node
 * process, the way an author runs it (exit code, signal, peak memory), or
 * in one of a small pool of long-lived processes, through the same main()
 * as the CLI, at a fraction of the cost. Either way a command that runs too
 * long is stopped and reported as timed out.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BIN } from '../helpers/course.ts'

export interface CommandRun {
  how: 'process' | 'in-process'
  /** Exit code; null when killed or timed out. */
  code: number | null
  signal: string | null
  timedOut: boolean
  stdout: string
  stderr: string
  /** Peak resident memory in KB (processes only). */
  rssKb: number | null
}

const RSS_HOOK = new URL('./report-rss.mjs', import.meta.url).href

/** Runs `coursemark ARGS` as a process, with its peak memory, stopped after `timeoutMs`. */
export function runProcess(args: string[], timeoutMs: number): Promise<CommandRun> {
  const rssFile = join(tmpdir(), `cm-fuzz-rss-${process.pid}-${Math.random().toString(36).slice(2)}`)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', RSS_HOOK, BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', CM_FUZZ_RSS: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : null
      rmSync(rssFile, { force: true })
      resolve({ how: 'process', code, signal, timedOut, stdout, stderr, rssKb })
    })
  })
}

interface Job {
  args: string[]
  resolve: (run: CommandRun) => void
}

/** Long-lived processes running the CLI's main() (cli-worker.mjs), each with a heap of at most `memoryMb`. */
export class WorkerPool {
  private readonly idle: ChildProcess[] = []
  private readonly queue: Job[] = []
  private readonly all = new Set<ChildProcess>()

  constructor(
    size: number,
    private readonly timeoutMs: number,
    private readonly memoryMb: number,
  ) {
    for (let k = 0; k < size; k++) this.spawn()
  }

  run(args: string[]): Promise<CommandRun> {
    return new Promise((resolve) => {
      this.queue.push({ args, resolve })
      this.next()
    })
  }

  close(): void {
    for (const worker of this.all) worker.kill('SIGKILL')
    this.all.clear()
  }

  private spawn(): void {
    const worker = fork(new URL('./cli-worker.mjs', import.meta.url), [], {
      execArgv: [`--max-old-space-size=${this.memoryMb}`],
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    this.all.add(worker)
    worker.once('message', () => {
      this.idle.push(worker)
      this.next()
    })
  }

  private next(): void {
    const worker = this.idle.pop()
    if (!worker) return
    const job = this.queue.shift()
    if (!job) {
      this.idle.push(worker)
      return
    }
    let stderr = ''
    const onData = (d: Buffer) => (stderr += d.toString('utf8'))
    worker.stderr?.on('data', onData)
    const done = (run: Omit<CommandRun, 'how' | 'rssKb'>, replace: boolean) => {
      clearTimeout(timer)
      worker.removeAllListeners('message').removeAllListeners('exit')
      worker.stderr?.off('data', onData)
      if (replace) {
        this.all.delete(worker)
        worker.kill('SIGKILL')
        this.spawn()
      } else this.idle.push(worker)
      job.resolve({ ...run, how: 'in-process', rssKb: null })
      this.next()
    }
    const timer = setTimeout(
      () => done({ code: null, signal: null, timedOut: true, stdout: '', stderr: '' }, true),
      this.timeoutMs,
    )
    worker.on('message', (m: { code: number; stdout: string; stderr: string }) =>
      done({ code: m.code, signal: null, timedOut: false, stdout: m.stdout, stderr: m.stderr }, false),
    )
    // A server that dies (out of memory, an abort) is what a crashed process would be.
    worker.once('exit', (code, signal) =>
      done({ code, signal: signal ?? `exited ${code}`, timedOut: false, stdout: '', stderr }, true),
    )
    worker.send({ args: job.args })
  }
}
