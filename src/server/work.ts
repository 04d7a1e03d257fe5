// The server's work off its event loop: checks, comparisons and audits run on
// a pool of worker threads (Piscina), so the thread that answers requests
// never waits on them and /healthz answers at once however much work is in
// hand. Each request's work is bounded: at most `threads` run at a time and
// `queue` more wait; past that a request is refused at once (503 busy, with
// Retry-After), as is one that waited `waitMs` for a thread; work that runs
// past `budgetMs`, or past the thread's memory, is stopped (its thread is
// replaced) and refused too (503 over-budget). Without a pool (threads 0) the
// same work runs on the server's own thread, within the same caps but with no
// budget: that is for embedding and tests, never for a server on a network.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Checker } from '../engine/checker.js';
import type { Report } from '../report/schema.js';
import type { OptionsReport } from '../options/schema.js';
import type { NoticeAudit } from '../notice/schema.js';
import type { PageMeta } from '../web/pages.js';
import type { DraftFormat } from '../draft/render.js';
import type { DraftPageInput } from '../web/draft-page.js';
import { runTask, valueOf, type NoticeFiles, type Task, type TaskResult } from './tasks.js';

export interface WorkSettings {
  /** Worker threads; 0 runs the work on the server's own thread (no time budget). */
  threads: number;
  /** Requests that may wait for a thread beyond those running; past it a request is refused (503 busy). */
  queue: number;
  /** The longest a request's work may run, in milliseconds; past it the work is stopped (503 over-budget). */
  budgetMs: number;
  /** The longest a request may wait for a thread, in milliseconds; past it, 503 busy. */
  waitMs: number;
  /** The most memory (old generation, MB) a thread may hold; work past it is stopped (503 over-budget). */
  heapMb: number;
  /** The rule set the threads load (a folder); default the shipped one. */
  rules?: string;
}

/** A thread a core, up to four; 64 requests waiting a thread (a check takes a fraction of a millisecond, an audit some); 20 s of work a request. */
export function defaultWorkSettings(): WorkSettings {
  const threads = Math.min(Math.max(availableParallelism(), 1), 4);
  return { threads, queue: threads * 64, budgetMs: 20_000, waitMs: 15_000, heapMb: 512 };
}

/** Work the server will not do now, or not at all within one request: said as a 503 with Retry-After. */
export class WorkRefused extends Error {
  constructor(
    readonly reason: 'busy' | 'over-budget',
    message: string,
    /** Seconds after which to try again. */
    readonly retryAfter: number,
  ) {
    super(message);
    this.name = 'WorkRefused';
  }
}

/** What the server asks of its pool: the checker's answers, as the checker would give them. */
export interface Work {
  readonly settings: WorkSettings;
  /** A plan (or the API's {"plan", "answers"}) checked: the report, or its JSON text. */
  check(body: unknown, options: { trace?: boolean; answers?: boolean }): Promise<Report>;
  checkJson(body: unknown, options: { trace?: boolean; answers?: boolean }): Promise<string>;
  /** The API's /v1/options body compared, as JSON text. */
  optionsJson(body: unknown): Promise<string>;
  /** One plan's routes compared. */
  routes(plan: unknown): Promise<OptionsReport>;
  /** Notices audited, as JSON text. */
  auditJson(files: NoticeFiles): Promise<string>;
  audit(files: NoticeFiles): Promise<NoticeAudit>;
  /** Notices audited and their result page written (the page is the larger part: it is made off the loop too). */
  noticePage(files: NoticeFiles, meta: PageMeta): Promise<string>;
  /** A report request (POST /v1/report's body, or the web page's) drafted in a format: text, or a Word file's bytes. */
  draft(request: unknown, format: DraftFormat): Promise<string | Uint8Array>;
  /** The web page's draft of a plan, and its page (made off the loop with the draft). */
  draftPage(page: DraftPageInput, meta: PageMeta): Promise<string>;
  /** Work running and waiting now. */
  readonly inHand: number;
  close(): Promise<void>;
}

/** The compiled worker beside this module (the build's), or, from the TypeScript sources, a loader that runs them through tsx. */
function workerFile(): string | null {
  for (const name of ['./work-worker.js', './work-worker-dev.mjs']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url.href;
  }
  return null;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The pool, or the server's own thread where `threads` is 0 (or no worker program is found). */
export function createWork(checker: Checker, settings: WorkSettings): Work {
  const file = settings.threads > 0 ? workerFile() : null;
  const pool = file
    ? new Piscina({
        filename: file,
        minThreads: settings.threads,
        maxThreads: settings.threads,
        idleTimeout: Number.POSITIVE_INFINITY,
        workerData: { rules: settings.rules },
        resourceLimits: { maxOldGenerationSizeMb: settings.heapMb },
      })
    : null;
  // A task tells the pool when a thread starts it (the budget runs from then; before, the wait does).
  const starting = new Map<number, () => void>();
  pool?.on('message', (m: unknown) => {
    const id = (m as { procheckStarted?: unknown } | null)?.procheckStarted;
    if (typeof id === 'number') starting.get(id)?.();
  });
  pool?.on('error', () => {
    // A thread that fails outside a task is replaced by the pool; its task (if any) is refused by its own promise.
  });
  let inHand = 0;
  let next = 0;
  const capacity = settings.threads + settings.queue;
  // How long the work in hand will take, roughly: for Retry-After.
  let meanMs = 200;
  const retryAfter = () => seconds(((inHand + 1) / Math.max(settings.threads, 1)) * meanMs);

  async function run(task: Task): Promise<TaskResult> {
    if (inHand >= capacity)
      throw new WorkRefused('busy', `procheck is doing as much as it takes at once (${settings.threads} running, ${settings.queue} waiting): try again shortly`, retryAfter());
    inHand++;
    const began = performance.now();
    try {
      if (!pool) return await runTask(checker, task);
      const id = next++;
      const controller = new AbortController();
      let why: WorkRefused | null = null;
      const stop = (refusal: WorkRefused) => {
        why = refusal;
        controller.abort(refusal);
      };
      let timer = setTimeout(
        () => stop(new WorkRefused('busy', `procheck is busy: the request waited ${seconds(settings.waitMs)} s for its turn. Try again shortly`, retryAfter())),
        settings.waitMs,
      );
      starting.set(id, () => {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            stop(
              new WorkRefused(
                'over-budget',
                `The request needs more than the ${seconds(settings.budgetMs)} s of work procheck gives one request: send less at once (fewer notices, fewer lots or options), or use the command line, which has no such limit`,
                seconds(settings.budgetMs),
              ),
            ),
          settings.budgetMs,
        );
      });
      try {
        const result = (await pool.run({ id, task }, { signal: controller.signal })) as TaskResult;
        meanMs = meanMs * 0.9 + (performance.now() - began) * 0.1;
        return result;
      } catch (e) {
        if (why) throw why;
        // A thread stopped for its memory: the work was too large for one request.
        if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
          throw new WorkRefused('over-budget', `The request needs more than the ${settings.heapMb} MB of memory procheck gives one request: send less at once, or use the command line`, seconds(settings.budgetMs));
        throw e;
      } finally {
        clearTimeout(timer);
        starting.delete(id);
      }
    } finally {
      inHand--;
    }
  }
  const value = async <T>(task: Task): Promise<T> => valueOf<T>(await run(task));

  return {
    settings: { ...settings, threads: pool ? settings.threads : 0 },
    check: (body, o) => value<Report>({ kind: 'check', body, trace: o.trace ?? false, answers: o.answers }),
    checkJson: (body, o) => value<string>({ kind: 'check', body, trace: o.trace ?? false, answers: o.answers, json: true }),
    optionsJson: (body) => value<string>({ kind: 'options', body, json: true }),
    routes: (plan) => value<OptionsReport>({ kind: 'routes', plan }),
    auditJson: (files) => value<string>({ kind: 'audit', ...files, json: true }),
    audit: (files) => value<NoticeAudit>({ kind: 'audit', ...files }),
    noticePage: (files, meta) => value<string>({ kind: 'notice-page', ...files, meta }),
    draft: (request, format) => value<string | Uint8Array>({ kind: 'draft', request, format }),
    draftPage: (page, meta) => value<string>({ kind: 'draft-page', page, meta }),
    get inHand() {
      return inHand;
    },
    close: async () => {
      await pool?.destroy();
    },
  };
}
