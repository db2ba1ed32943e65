import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { BIN, cleanEnv, editedCityFile, runLotse, staffedCityFile } from "../helpers/cli.js";
import { freePort } from "../helpers/net.js";
import { connectTestRedis, deleteKeys, REDIS_URL, uniquePrefix } from "../helpers/telegram.js";

const TOKEN = "123456789:lotse-e2e-token";

/**
 * The emulator answers getUpdates at once even when there is nothing new, so an idle bot would poll in
 * a busy loop; this proxy in front of it holds empty answers back for a moment, as Telegram's long
 * polling would.
 */
async function startSlowPollProxy(target: string): Promise<Server> {
  const proxy = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const upstream = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers: { "content-type": request.headers["content-type"] ?? "application/json" },
      body: request.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    const body = await upstream.text();
    if (request.url?.endsWith("/getUpdates") && body.includes('"result":[]')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    response.writeHead(upstream.status, { "content-type": "application/json" }).end(body);
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  return proxy;
}

function waitForLog(child: ChildProcess, message: string, output: { stderr: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (output.stderr.includes(`"msg":"${message}"`)) resolve();
    };
    child.stderr?.on("data", check);
    child.once("exit", (code) => reject(new Error(`lotse start exited with ${code}:\n${output.stderr}`)));
    check();
  });
}

describe("lotse start against a Bot API emulator", () => {
  const redis = connectTestRedis();
  const prefix = uniquePrefix();
  let telegram: TelegramServer;
  let proxy: Server;
  let bot: ChildProcess;
  const output = { stderr: "" };

  beforeAll(async () => {
    telegram = new TelegramServer({ port: await freePort(), host: "127.0.0.1" });
    await telegram.start();
    proxy = await startSlowPollProxy(telegram.config.apiURL);
    bot = spawn("node", [BIN, "start"], {
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        REDIS_URL,
        REDIS_PREFIX: prefix,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        BOT_MODE: "polling",
        LOG_LEVEL: "info",
        CITY_FILE: staffedCityFile(),
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    bot.stderr?.on("data", (chunk: Buffer) => {
      output.stderr += chunk.toString();
    });
    await waitForLog(bot, "bot started", output);
  }, 30_000);

  afterAll(async () => {
    if (bot.exitCode === null) bot.kill("SIGKILL");
    proxy.close();
    await telegram.stop();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it("answers a user's question over the network", async () => {
    const client = telegram.getClient(TOKEN, { userId: 5001, chatId: 5001, timeout: 15_000 });
    const question = "I want to speak to a real person";
    await client.sendMessage(client.makeMessage(question, { from: { language_code: "en" } }));
    const { result } = await client.getUpdates();
    expect(result[0]?.message.text).toContain(TRANSLATIONS.en.handoff.askedForPerson);
  });

  it("runs the welcome with its language buttons, through button presses and message edits", async () => {
    const client = telegram.getClient(TOKEN, { userId: 5002, chatId: 5002, timeout: 15_000 });
    await client.sendCommand(client.makeCommand("/start", { from: { language_code: "de" } }));
    const [welcome] = (await client.getUpdates()).result;
    if (!welcome) throw new Error("no welcome");
    expect(welcome.message.text).toBe(TRANSLATIONS.de.welcome.text);
    const keyboard = welcome.message.reply_markup as {
      inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
    };
    const turkish = keyboard.inline_keyboard.flat().find((button) => button.text === "Türkçe");
    await client.sendCallback(
      client.makeCallbackQuery(turkish?.callback_data ?? "", { message: { message_id: welcome.messageId } }),
    );
    const [intro] = (await client.getUpdates()).result;
    expect(intro?.message.text).toBe(TRANSLATIONS.tr.welcome.intro);
    const edited = telegram.storage.botMessages.find((update) => update.messageId === welcome.messageId);
    expect(edited?.message.text).toBe(TRANSLATIONS.tr.language.changed);
  });

  it("reloads the FAQ on SIGHUP without stopping", async () => {
    bot.kill("SIGHUP");
    await waitForLog(bot, "FAQ reloaded", output);
    expect(bot.exitCode).toBeNull();
  });

  it("stops cleanly on SIGTERM, finishing what it was doing", async () => {
    bot.kill("SIGTERM");
    const [code] = await once(bot, "exit");
    expect(code).toBe(0);
    expect(output.stderr).toContain('"msg":"stopped"');
    expect(output.stderr).not.toMatch(/"level":"error"/);
  });
});

describe("lotse start without what it needs", () => {
  const start = (env: Record<string, string>) => runLotse(["start"], { env: cleanEnv(env) });

  it("refuses to start without a token and Redis, and says which are missing", async () => {
    const { code, stderr } = await start({});
    expect(code).toBe(1);
    expect(stderr).toContain("lotse start: BOT_TOKEN and REDIS_URL must be set (see .env.example)");
  });

  it("refuses a malformed variable and names it", async () => {
    const { code, stderr } = await start({ BOT_TOKEN: "not a token", REDIS_URL: REDIS_URL });
    expect(code).toBe(1);
    expect(stderr).toMatch(/BOT_TOKEN: must look like 123456789:/);
  });

  it("refuses to start while an office has no staff chat, and names the offices", async () => {
    const { code, stderr } = await start({ BOT_TOKEN: TOKEN, REDIS_URL });
    expect(code).toBe(1);
    expect(stderr).toContain("lotse start: no staff chat for lokal willkommen Brackel/Aplerbeck, ");
    expect(stderr).toContain("lokal willkommen Innenstadt-Nord");
    expect(stderr).toContain("Set staff_chat_id in");
  });

  it("refuses a broken city file, naming the line", async () => {
    const file = editedCityFile((yaml) => yaml.replace("fallback_office: ", "fallback_office: nowhere-"));
    const { code, stderr } = await start({ BOT_TOKEN: TOKEN, REDIS_URL, CITY_FILE: file });
    expect(code).toBe(1);
    expect(stderr).toMatch(/city\.yaml:\d+: fallback_office "nowhere-/);
  });

  it("refuses to start when Redis does not answer", async () => {
    const { code, stderr } = await start({
      BOT_TOKEN: TOKEN,
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      CITY_FILE: staffedCityFile(),
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED/);
  });
});
