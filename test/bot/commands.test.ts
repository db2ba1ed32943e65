import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { registerCommands } from "../../src/bot/commands.js";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { LANGUAGES } from "../../src/languages.js";
import { LocalTelegram } from "../../src/local/telegram.js";

describe("the command menu", () => {
  it("is registered in every language, and in English for everyone else", async () => {
    const telegram = new LocalTelegram();
    await registerCommands(new Api("0:test", { fetch: telegram.fetch }));
    const calls = telegram.calls.filter((call) => call.method === "setMyCommands");
    expect(calls.map((call) => call.payload.language_code)).toEqual([...LANGUAGES, undefined]);
    const arabic = calls.find((call) => call.payload.language_code === "ar");
    expect(arabic?.payload.commands).toEqual([
      { command: "start", description: TRANSLATIONS.ar.commands.start },
      { command: "menu", description: TRANSLATIONS.ar.commands.menu },
      { command: "tickets", description: TRANSLATIONS.ar.commands.tickets },
      { command: "district", description: TRANSLATIONS.ar.commands.district },
      { command: "help", description: TRANSLATIONS.ar.commands.help },
      { command: "language", description: TRANSLATIONS.ar.commands.language },
      { command: "delete", description: TRANSLATIONS.ar.commands.delete },
    ]);
  });
});
