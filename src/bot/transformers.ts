import { type AutoRetryOptions, autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import type { Api } from "grammy";

/**
 * Retry what Telegram asks us to retry (429 with `retry_after`, 5xx, network errors), but give up after
 * a minute: a reply that arrives much later confuses more than it helps, and a stuck call would hold up
 * every later update of the same chat.
 */
export const AUTO_RETRY: Partial<AutoRetryOptions> = { maxRetryAttempts: 5, maxDelaySeconds: 60 };

/**
 * Outgoing calls: the throttler keeps within Telegram's limits (30 messages a second overall, about one a
 * second per chat with short bursts allowed — an answer and its follow-up go out at once), and auto-retry,
 * installed last so it is the outer layer, repeats a refused call through the throttler again.
 */
export function installTransformers(api: Api): void {
  api.config.use(
    apiThrottler({
      out: {
        maxConcurrent: 1,
        reservoir: 5,
        reservoirIncreaseAmount: 1,
        reservoirIncreaseInterval: 1000,
        reservoirIncreaseMaximum: 5,
      },
    }),
  );
  api.config.use(autoRetry(AUTO_RETRY));
}
