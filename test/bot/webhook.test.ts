import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { createWebhookServer } from "../../src/bot/webhook.js";
import { createLogger } from "../../src/logger.js";
import { useBots } from "../helpers/telegram.js";

const bots = useBots();
const SECRET = "s3cret-token-for-the-test";
const servers: Array<ReturnType<typeof createWebhookServer>> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function startServer() {
  const server = createWebhookServer(bots.bot(), {
    path: "/telegram",
    secretToken: SECRET,
    logger: createLogger({ level: "silent" }),
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("webhook mode", () => {
  it("handles an update that carries Telegram's secret token", async () => {
    const base = await startServer();
    const user = bots.user(bots.bot(), "tr");
    const response = await fetch(`${base}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(bots.telegram.textUpdate(user.from, "/menu")),
    });
    expect(response.status).toBe(200);
    expect(bots.telegram.calls.map((call) => call.payload.text)).toEqual([TRANSLATIONS.tr.menu.title]);
  });

  it("refuses updates without the secret token or with a wrong one", async () => {
    const base = await startServer();
    const user = bots.user(bots.bot(), "tr");
    const attempts: Array<Record<string, string>> = [{}, { "x-telegram-bot-api-secret-token": "guess" }];
    for (const headers of attempts) {
      const response = await fetch(`${base}/telegram`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(bots.telegram.textUpdate(user.from, "/menu")),
      });
      expect(response.status).toBe(401);
    }
    expect(bots.telegram.calls).toEqual([]);
  });

  it("answers other paths with 404", async () => {
    const base = await startServer();
    const response = await fetch(`${base}/elsewhere`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": SECRET },
      body: "{}",
    });
    expect(response.status).toBe(404);
  });
});
