import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import { GrammyError, HttpError } from "grammy";
import { errorFields, type Logger } from "../logger.js";
import type { Job, Lane } from "./model.js";
import type { HandoffStore, OutboxEntry } from "./store.js";

/** Sends one job; may return follow-up work (links, status) to run once Telegram accepted it. */
export type Deliver = (job: Job, lane: Lane) => Promise<(() => Promise<void>) | undefined>;

export interface RateLimit {
  max: number;
  windowMs: number;
}

export interface OutboxOptions {
  store: HandoffStore;
  deliver: Deliver;
  /** A job Telegram refuses for good (the newcomer blocked the bot, a file is gone): tell someone, then drop it. */
  giveUp: (job: Job, lane: Lane, error: unknown) => Promise<void>;
  logger: Logger;
  /** Telegram allows about 20 messages a minute in one group, and about 30 a second overall. */
  rates?: { staffChat: RateLimit; users: RateLimit };
  /** How long a lane stays with a worker that stopped renewing it (it died): then another worker takes over. */
  leaseMs?: number;
  /** How often idle lanes are looked at; jobs queued in this process wake the worker at once. */
  pollMs?: number;
  /** Back-off after 5xx answers and network errors: doubling from `firstMs` up to `maxMs`. */
  backoff?: { firstMs: number; maxMs: number };
}

export const TELEGRAM_RATES = {
  staffChat: { max: 20, windowMs: 60_000 },
  users: { max: 25, windowMs: 1_000 },
} satisfies OutboxOptions["rates"];

const BATCH = 20;
/** Other failures of a newcomer's job (a bug, say) are retried this often, then given up: one bad job must not hold up every answer. */
const MAX_USER_JOB_FAILURES = 8;

/** Thrown by `deliver` for a job that can never be sent (its FAQ topic was removed, say): given up at once. */
export class UndeliverableError extends Error {
  override name = "UndeliverableError";
}

/**
 * Delivers the outbox: each lane (a staff chat, or the newcomers) in order, by one worker at a time
 * (a lease in the store, renewed while it works), within Telegram's rate limits. A job is acknowledged
 * only after Telegram accepted it; 429 waits as long as Telegram asks, 5xx and network errors are retried
 * with back-off, and never-deliverable jobs for newcomers are handed to `giveUp` instead of blocking the
 * lane. Messages to staff chats are never dropped: a wrong chat id is retried until an admin fixes it.
 *
 * Delivery is at least once: a worker that dies after Telegram accepted a message but before it was
 * acknowledged leaves it to the next worker, which sends it again. Telegram offers no way to avoid that.
 */
export class OutboxWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly store: HandoffStore;
  private readonly logger: Logger;
  private readonly rates: NonNullable<OutboxOptions["rates"]>;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly backoff: NonNullable<OutboxOptions["backoff"]>;
  private readonly active = new Map<Lane, Promise<void>>();
  private stopping = new AbortController();
  private wake = new AbortController();
  private main?: Promise<void>;

  constructor(private readonly options: OutboxOptions) {
    this.store = options.store;
    this.logger = options.logger.child({ component: "outbox" });
    this.rates = options.rates ?? TELEGRAM_RATES;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.backoff = options.backoff ?? { firstMs: 1_000, maxMs: 5 * 60_000 };
  }

  start(): void {
    if (this.main) return;
    this.stopping = new AbortController();
    this.main = this.run();
  }

  /** Jobs were queued: look at the lanes now rather than at the next poll. */
  notify(): void {
    this.wake.abort();
    this.wake = new AbortController();
  }

  /** Finishes the job in hand (unless it is waiting), hands the lanes back and resolves. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.main;
    this.main = undefined;
  }

  /** Resolves once every lane is empty: for `lotse chat` and tests, which show or check what was delivered. */
  async drained(): Promise<void> {
    for (;;) {
      const sizes = await Promise.all((await this.store.lanes()).map((lane) => this.store.laneSize(lane)));
      if (sizes.every((size) => size === 0)) return;
      await delay(20);
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        for (const lane of await this.store.lanes()) {
          if (!this.active.has(lane)) {
            this.active.set(
              lane,
              this.runLane(lane).finally(() => this.active.delete(lane)),
            );
          }
        }
      } catch (error) {
        this.logger.warn("could not list the outbox lanes", errorFields(error));
      }
      await this.sleep(this.pollMs, true);
    }
    await Promise.all(this.active.values());
  }

  /** Works through one lane for as long as this worker holds it. */
  private async runLane(lane: Lane): Promise<void> {
    const log = this.logger.child({ lane: lane === "users" ? lane : "staff" });
    let recovered = false;
    try {
      while (!this.stopping.signal.aborted) {
        if (!(await this.store.acquireLane(lane, this.id, this.leaseMs))) return;
        const entries = recovered
          ? await this.store.readLane(lane, this.id, BATCH)
          : await this.store.recoverLane(lane, this.id, BATCH);
        if (!recovered && entries.length > 0) log.info("taking over undelivered jobs", { jobs: entries.length });
        if (entries.length < BATCH) recovered = true;
        if (entries.length === 0) {
          await this.sleep(this.pollMs, true);
          continue;
        }
        for (const entry of entries) {
          if (!(await this.process(lane, entry, log))) return;
        }
      }
    } catch (error) {
      // Redis went away, most likely; the lane is picked up again at the next poll, by whoever holds it then.
      log.warn("outbox lane interrupted", errorFields(error));
      await this.sleep(this.backoff.firstMs);
    } finally {
      await this.store.releaseLane(lane, this.id).catch(() => {});
    }
  }

  /** Delivers one job, retrying as long as it takes. False when the lane was lost or the worker stops. */
  private async process(lane: Lane, entry: OutboxEntry, log: Logger): Promise<boolean> {
    const jobLog = log.child({ job: entry.job.kind, ticket: entry.job.ticket });
    let failures = 0;
    for (;;) {
      if (!(await this.holdLane(lane))) return false;
      if (!(await this.waitForRate(lane))) return false;
      let after: (() => Promise<void>) | undefined;
      // A slow call must not cost the lane: renewed while it runs, unless this worker is stopping.
      const keepalive = setInterval(() => {
        if (!this.stopping.signal.aborted) this.store.acquireLane(lane, this.id, this.leaseMs).catch(() => {});
      }, this.leaseMs / 3);
      try {
        after = await this.options.deliver(entry.job, lane);
      } catch (error) {
        const wait = this.retryDelay(error, lane, failures);
        if (wait === "give-up") {
          jobLog.warn("giving up a job that cannot be delivered", failureFields(error));
          await this.options.giveUp(entry.job, lane, error);
          await this.store.ack(lane, entry.id);
          return true;
        }
        if (!(error instanceof GrammyError && error.error_code === 429)) failures += 1;
        const level = lane !== "users" && error instanceof GrammyError && error.error_code < 500 ? "error" : "warn";
        jobLog[level]("delivery failed, retrying", { ...failureFields(error), retryInMs: wait, failures });
        if (!(await this.pause(lane, wait))) return false;
        continue;
      } finally {
        clearInterval(keepalive);
      }
      const now = Date.now();
      await this.store.recordSend(lane, now, this.rateOf(lane).windowMs);
      await this.retryStoreWork(() => after?.() ?? Promise.resolve(), jobLog);
      await this.store.ack(lane, entry.id);
      jobLog.debug("delivered");
      return true;
    }
  }

  /** Writes after a delivery must happen, or staff replies would find no ticket: retried while Redis is away. */
  private async retryStoreWork(work: () => Promise<void>, log: Logger): Promise<void> {
    for (let failures = 0; ; failures++) {
      try {
        return await work();
      } catch (error) {
        log.warn("could not record a delivery, retrying", errorFields(error));
        await this.sleep(Math.min(this.backoff.firstMs * 2 ** failures, this.backoff.maxMs));
      }
    }
  }

  /** How long to wait before trying again, or "give-up" for a job that can never be delivered. */
  private retryDelay(error: unknown, lane: Lane, failures: number): number | "give-up" {
    const backoff = Math.min(this.backoff.firstMs * 2 ** failures, this.backoff.maxMs);
    if (error instanceof GrammyError) {
      if (error.error_code === 429) return (error.parameters.retry_after ?? 1) * 1000;
      if (error.error_code >= 500) return backoff;
      // A newcomer who blocked the bot, a deleted account, a file Telegram no longer has: no retry helps.
      if (lane === "users") return "give-up";
      // A staff chat that is wrong or that the bot was removed from: the message waits until an admin fixes it.
      return backoff;
    }
    if (error instanceof HttpError) return backoff;
    if (error instanceof UndeliverableError && lane === "users") return "give-up";
    // A bug or a Redis error while preparing the message: retried, since dropping could lose a question —
    // for staff without end; a newcomer's job gives way to the others after a while.
    return lane === "users" && failures + 1 >= MAX_USER_JOB_FAILURES ? "give-up" : backoff;
  }

  private rateOf(lane: Lane): RateLimit {
    return lane === "users" ? this.rates.users : this.rates.staffChat;
  }

  /** Waits until the lane may send another message without going over its rate limit. */
  private async waitForRate(lane: Lane): Promise<boolean> {
    const { max, windowMs } = this.rateOf(lane);
    for (;;) {
      const now = Date.now();
      const recent = await this.store.sendsSince(lane, now - windowMs);
      if (recent.length < max) return true;
      const freeAt = (recent[recent.length - max] ?? now) + windowMs;
      if (!(await this.pause(lane, freeAt - now + 1))) return false;
    }
  }

  /** Waits, renewing the lane's lease on the way, so long waits (a long `retry_after`) do not lose the lane. */
  private async pause(lane: Lane, ms: number): Promise<boolean> {
    const end = Date.now() + ms;
    for (;;) {
      const left = end - Date.now();
      if (left <= 0) return true;
      await this.sleep(Math.min(left, this.leaseMs / 3));
      if (!(await this.holdLane(lane))) return false;
    }
  }

  private async holdLane(lane: Lane): Promise<boolean> {
    if (this.stopping.signal.aborted) return false;
    return this.store.acquireLane(lane, this.id, this.leaseMs);
  }

  /** Sleeps, ending early when the worker stops, and — if `wakeable` — when new jobs arrive. */
  private async sleep(ms: number, wakeable = false): Promise<void> {
    const signals = [this.stopping.signal, ...(wakeable ? [this.wake.signal] : [])];
    await delay(ms, undefined, { signal: AbortSignal.any(signals) }).catch(() => {});
  }
}

function failureFields(error: unknown) {
  if (error instanceof GrammyError) {
    // A group that became a supergroup has a new id, which the bot posts in the new group when it leaves it.
    const migrated = error.parameters.migrate_to_chat_id !== undefined;
    return { code: error.error_code, reason: error.description, ...(migrated ? { migrated } : {}) };
  }
  return errorFields(error);
}
