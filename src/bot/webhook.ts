import { createServer, type Server } from "node:http";
import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "../logger.js";
import type { Context } from "./context.js";
import { logError } from "./helpers/error-handler.js";

export interface WebhookOptions {
  /** Only requests to this path are updates (the path of WEBHOOK_URL). */
  path: string;
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; requests without it are refused with 401. */
  secretToken: string;
  logger: Logger;
}

/**
 * An HTTP server that feeds Telegram's webhook requests to the bot. Telegram retries a request that
 * fails or takes too long, which would answer the user twice; so after 10 seconds the request is
 * acknowledged and the update finishes in the background. A failure outside the features (Redis down)
 * is answered with 500, and Telegram delivers the update again later.
 */
export function createWebhookServer(bot: Bot<Context>, { path, secretToken, logger }: WebhookOptions): Server {
  const handleUpdate = webhookCallback(bot, "http", { secretToken, onTimeout: "return", timeoutMilliseconds: 10_000 });
  return createServer((request, response) => {
    if (request.method !== "POST" || new URL(request.url ?? "/", "http://localhost").pathname !== path) {
      response.writeHead(404).end();
      return;
    }
    handleUpdate(request, response).catch((error: unknown) => {
      logError(logger, error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
}
