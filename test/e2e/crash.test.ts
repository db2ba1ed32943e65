import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { Message, User } from "grammy/types";
import { afterAll, describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import type { BotApiCall } from "../../src/local/telegram.js";
import { BotApiServer } from "../helpers/bot-api-server.js";
import { BIN, staffedCityFile } from "../helpers/cli.js";
import { connectTestRedis, deleteKeys, REDIS_URL, uniquePrefix } from "../helpers/telegram.js";

const t = TRANSLATIONS.de;
const redis = connectTestRedis();
const prefix = uniquePrefix();
const api = new BotApiServer();
const cityFile = staffedCityFile();
/** The first office's group in `staffedCityFile`. */
const OFFICE_CHAT = -1_002_000_000_000;
const user: User = { id: 6_000_001, is_bot: false, first_name: "Amira", language_code: "de" };
const processes: ChildProcess[] = [];

afterAll(async () => {
  for (const child of processes) if (child.exitCode === null) child.kill("SIGKILL");
  await api.stop();
  await deleteKeys(redis, prefix);
  await redis.quit();
});

/** `lotse start` as its own process, resolved once it polls. */
async function startBot(apiRoot: string): Promise<ChildProcess> {
  const child = spawn("node", [BIN, "start"], {
    env: {
      ...process.env,
      BOT_TOKEN: "123456789:lotse-crash-test",
      REDIS_URL,
      REDIS_PREFIX: prefix,
      TELEGRAM_API_ROOT: apiRoot,
      CITY_FILE: cityFile,
      OUTBOX_LEASE_SECONDS: "1",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  processes.push(child);
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('"msg":"bot started"')) resolve();
    });
    child.once("exit", (code) => reject(new Error(`lotse start exited with ${code}:\n${stderr}`)));
  });
  return child;
}

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const toUser = (call: BotApiCall) => call.method === "sendMessage" && Number(call.payload.chat_id) === user.id;
const toOffice = (call: BotApiCall) => call.method === "sendMessage" && Number(call.payload.chat_id) === OFFICE_CHAT;

/** Sends what the user does, and waits for the bot's next message to them containing `expected`. */
async function act(update: () => void, expected: string): Promise<void> {
  const before = api.telegram.calls.length;
  update();
  await waitFor(
    () => api.telegram.calls.slice(before).find((call) => toUser(call) && String(call.payload.text).includes(expected)),
    `"${expected}"`,
  );
}

function press(label: string): void {
  const message = api.telegram
    .messagesIn(user.id)
    .reverse()
    .find((m: Message) => m.reply_markup?.inline_keyboard.flat().some((b) => b.text === label));
  const button = message?.reply_markup?.inline_keyboard.flat().find((b) => b.text === label);
  if (!message || !button || !("callback_data" in button)) throw new Error(`no button ${label}`);
  api.push(api.telegram.callbackUpdate(user, message, button.callback_data));
}

describe("a bot killed between taking a question and delivering it", () => {
  it("delivers it after a restart, exactly once", async () => {
    const apiRoot = await api.start();
    // The first delivery to the office never gets an answer: the process is killed while it waits.
    api.telegram.fail(toOffice, "hang");
    const first = await startBot(apiRoot);
    await act(() => api.push(api.telegram.textUpdate(user, "Wo gibt es die beste Pizza?")), t.handoff.offer);
    await act(() => press(t.handoff.offerButton), "Pizza");
    await act(() => press(t.handoff.continue), t.district.choose);
    await act(() => api.push(api.telegram.textUpdate(user, "44287")), "Aplerbeck");
    await act(() => press(t.handoff.send), "#1");
    await waitFor(() => api.telegram.refused.find(toOffice), "the first delivery attempt");

    first.kill("SIGKILL");
    await once(first, "exit");
    expect(api.telegram.calls.filter(toOffice)).toHaveLength(0);

    const second = await startBot(apiRoot);
    await waitFor(() => api.telegram.calls.find(toOffice), "the delivery after the restart");
    // Long enough for a duplicate to show up, were there one.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const delivered = api.telegram.calls.filter(toOffice);
    expect(delivered).toHaveLength(1);
    expect(String(delivered[0]?.payload.text)).toContain("Anfrage #1");
    second.kill("SIGTERM");
    expect((await once(second, "exit"))[0]).toBe(0);
  }, 60_000);
});
