import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { useBots } from "../helpers/telegram.js";

const bots = useBots();
const limited = { RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW_SECONDS: "60" };

describe("rate limiting", () => {
  it("answers a user's first messages, says once that it is too many, then stays quiet", async () => {
    const user = bots.user(bots.bot({ env: limited }), "fa");
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await user.send("سلام"));
    expect(replies.slice(0, 3).every((reply) => reply.sent.length > 0)).toBe(true);
    expect(replies[3]?.sent).toEqual([TRANSLATIONS.fa.rateLimit.slowDown]);
    expect(replies.slice(4).map((reply) => reply.calls)).toEqual([[], []]);
  });

  it("lets an emergency through even after the limit", async () => {
    const user = bots.user(bots.bot({ env: limited }), "ar");
    for (let i = 0; i < 5; i++) await user.send("مرحبا");
    const reply = await user.send("زوجي فاقد الوعي");
    expect(reply.sent[0]).toContain(TRANSLATIONS.ar.emergency.text);
  });

  it("answers button presses beyond the limit with a notice, so they do not spin forever", async () => {
    const user = bots.user(bots.bot({ env: limited }), "de");
    await user.send("/language");
    for (let i = 0; i < 2; i++) await user.send("Hallo");
    const reply = await user.press("English");
    expect(reply.calls.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
    expect(reply.notice).toBe(TRANSLATIONS.de.rateLimit.slowDown);
  });

  it("counts per user, not per bot: two instances share the limit, other users are not affected", async () => {
    const first = bots.bot({ env: limited });
    const second = bots.bot({ env: limited });
    const user = bots.user(first, "en");
    await user.send("hello", first);
    await user.send("hello", second);
    await user.send("hello", first);
    expect((await user.send("hello", second)).sent).toEqual([TRANSLATIONS.en.rateLimit.slowDown]);
    expect((await bots.user(first, "en").send("hello")).sent).not.toEqual([TRANSLATIONS.en.rateLimit.slowDown]);
  });

  it("starts afresh after the window", async () => {
    const user = bots.user(bots.bot({ env: { RATE_LIMIT_MAX: "1", RATE_LIMIT_WINDOW_SECONDS: "1" } }), "uk");
    await user.send("Привіт");
    expect((await user.send("Привіт")).sent).toEqual([TRANSLATIONS.uk.rateLimit.slowDown]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await user.send("Привіт")).text).toContain(TRANSLATIONS.uk.smalltalk.greeting);
  });
});
