import type { Api } from "grammy";
import type { i18n } from "i18next";
import type { City } from "../city/index.js";
import type { KnowledgeSource } from "../knowledge/index.js";
import { errorFields, type Logger } from "../logger.js";
import type { CounterStore } from "../storage/index.js";
import { createDelivery } from "./delivery.js";
import { type OutboxOptions, OutboxWorker } from "./outbox.js";
import type { HandoffStore } from "./store.js";
import { type HandoffLimits, TicketService } from "./tickets.js";

export { createMemoryHandoffStore } from "./memory-store.js";
export { formatAge, formatTime, MAX_QUESTION_LENGTH, nearTopicIds, ticketPlace } from "./messages.js";
export { FINISHED, type StaffAnswer, type Ticket, WAITING_FOR_STAFF } from "./model.js";
export { OutboxWorker, TELEGRAM_RATES } from "./outbox.js";
export { createRedisHandoffStore } from "./redis-store.js";
export type { HandoffStore } from "./store.js";
export { type ChangeResult, type HandoffLimits, type Refusal, TicketService } from "./tickets.js";

export interface HandoffOptions {
  store: HandoffStore;
  city: City;
  /** For the per-day limit of hand-offs; the bot's rate-limit counters. */
  counters: CounterStore;
  limits: HandoffLimits;
  knowledge: KnowledgeSource;
  /** A plain Api for the outbox (no auto-retry: the outbox retries itself). */
  api: Api;
  i18n: i18n;
  logger: Logger;
  /** Overrides for the outbox: rate limits, lease, polling (tests shorten them). */
  outbox?: Partial<Pick<OutboxOptions, "rates" | "leaseMs" | "pollMs" | "backoff">>;
  /** How often due reminders are looked for. */
  reminderCheckMs?: number;
  /** The time tickets are stamped and reminded by; tests move it forward. */
  clock?: () => number;
}

/** The hand-off pipeline: the ticket rules, the outbox that delivers what they cause, and the reminders. */
export interface Handoff {
  tickets: TicketService;
  worker: OutboxWorker;
  /** Starts delivering and reminding; the bot can take tickets before, they wait in the store. */
  start(): void;
  stop(): Promise<void>;
}

export function createHandoff(options: HandoffOptions): Handoff {
  const { store, city, counters, limits, knowledge, api, i18n, logger } = options;
  let worker: OutboxWorker | undefined;
  const now = options.clock ?? Date.now;
  const tickets = new TicketService(store, city, counters, limits, () => worker?.notify(), now);
  const delivery = createDelivery({ api, tickets, city, knowledge, i18n, logger, now });
  worker = new OutboxWorker({ store, logger, ...delivery, ...options.outbox });
  const outbox = worker;
  let timer: NodeJS.Timeout | undefined;
  const remind = () =>
    tickets
      .remindDue()
      .then((count) => count > 0 && logger.info("reminded staff of waiting tickets", { count }))
      .catch((error: unknown) => logger.warn("could not check for due reminders", errorFields(error)));
  return {
    tickets,
    worker: outbox,
    start() {
      outbox.start();
      timer ??= setInterval(remind, options.reminderCheckMs ?? 60_000);
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await outbox.stop();
    },
  };
}
