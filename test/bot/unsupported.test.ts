import type { Chat, Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import type { Lang } from "../../src/languages.js";
import { LOCAL_BOT_INFO } from "../../src/local/telegram.js";
import { Exchange, groupMessage, membershipUpdate, testCity, useBots } from "../helpers/telegram.js";

const bots = useBots();
const file = { file_id: "file", file_unique_id: "unique" };
const photo: Partial<Message> = { photo: [{ ...file, width: 800, height: 600 }] };

describe("messages that are not text", () => {
  const cases: Array<[string, Partial<Message>, keyof (typeof TRANSLATIONS)["en"]["unsupported"]]> = [
    ["a voice message", { voice: { ...file, duration: 4 } }, "voice"],
    ["a video message", { video_note: { ...file, length: 240, duration: 4 } }, "voice"],
    ["a photo", photo, "media"],
    ["a document", { document: file }, "media"],
    [
      "a sticker",
      { sticker: { ...file, type: "regular", width: 512, height: 512, is_animated: false, is_video: false } },
      "sticker",
    ],
    ["a location", { location: { latitude: 51.51, longitude: 7.46 } }, "location"],
    ["a contact", { contact: { phone_number: "+49 231 0000", first_name: "Nadia" } }, "location"],
    ["a dice", { dice: { emoji: "🎲", value: 4 } }, "other"],
  ];
  for (const lang of ["de", "ar", "uk"] satisfies Lang[]) {
    it.each(cases)(`${lang}: %s gets a kind explanation in the user's language`, async (_, content, key) => {
      const reply = await bots.user(bots.bot(), lang).sendMessage(content);
      expect(reply.sent).toHaveLength(1);
      expect(reply.sent[0]).toContain(TRANSLATIONS[lang].unsupported[key]);
    });
  }

  it.each<Lang>(["en", "fa", "tr"])("a voice message also gets the emergency numbers, in %s", async (lang) => {
    const reply = await bots.user(bots.bot(), lang).sendMessage({ voice: { ...file, duration: 4 } });
    expect(reply.sent[0]).toContain(TRANSLATIONS[lang].emergency.hint);
  });

  it("an album of photos gets one reply, not one per photo", async () => {
    const user = bots.user(bots.bot(), "fa");
    const replies: Exchange[] = [];
    for (let i = 0; i < 4; i++) replies.push(await user.sendMessage({ ...photo, media_group_id: "album-1" }));
    expect(replies.map((reply) => reply.sent.length)).toEqual([1, 0, 0, 0]);
    expect((await user.sendMessage({ ...photo, media_group_id: "album-2" })).sent).toHaveLength(1);
  });
});

describe("edited messages", () => {
  it.each<Lang>(["de", "ar", "ru"])(
    "are not answered again; the user is asked to send a new message, in %s",
    async (lang) => {
      const reply = await bots.user(bots.bot(), lang).edit("Wo finde ich einen Arzt?");
      expect(reply.sent).toEqual([TRANSLATIONS[lang].unsupported.edited]);
    },
  );

  it("that describe an emergency get the emergency numbers", async () => {
    const reply = await bots.user(bots.bot(), "en").edit("my husband is unconscious");
    expect(reply.sent[0]).toContain(TRANSLATIONS.en.emergency.text);
  });
});

describe("group chats", () => {
  const group: Chat = { id: -100_123, type: "supergroup", title: "Neighbours" };
  const adder = { id: 4242, is_bot: false, first_name: "Tarek", language_code: "ar" };

  it("are left politely when someone adds the bot, in the language of the one who added it", async () => {
    const bot = bots.bot();
    const update = membershipUpdate(bots.telegram, group, adder, "member");
    const reply = await deliver(bot, update);
    expect(reply.calls.map((call) => call.method)).toEqual(["sendMessage", "leaveChat"]);
    expect(reply.sent[0]).toContain(TRANSLATIONS.ar.group.leaving.replace("{{username}}", LOCAL_BOT_INFO.username));
  });

  it("tell the group its id for the city file, and keep the id out of the logs", async () => {
    const log: string[] = [];
    const reply = await deliver(bots.bot({ log }), membershipUpdate(bots.telegram, group, adder, "member"));
    expect(reply.sent[0]).toContain(`<code>staff_chat_id: ${group.id}</code>`);
    expect(log.join("\n")).not.toContain(String(group.id));
  });

  it("are left when a message arrives from one the bot is still in", async () => {
    const reply = await deliver(bots.bot(), groupMessage(bots.telegram, group, adder, "hello bot"));
    expect(reply.calls.map((call) => call.method)).toEqual(["sendMessage", "leaveChat"]);
  });

  it("channels are left without a message", async () => {
    const channel: Chat = { id: -100_999, type: "channel", title: "News" };
    const reply = await deliver(bots.bot(), membershipUpdate(bots.telegram, channel, adder, "member"));
    expect(reply.calls.map((call) => call.method)).toEqual(["leaveChat"]);
  });

  it("being removed from a group needs no reply", async () => {
    const reply = await deliver(bots.bot(), membershipUpdate(bots.telegram, group, adder, "kicked"));
    expect(reply.calls).toEqual([]);
  });

  it("configured as staff chats are not left", async () => {
    const city = testCity();
    const bot = bots.bot({
      city: { ...city, offices: city.offices.map((o, i) => (i === 0 ? { ...o, staffChatId: group.id } : o)) },
    });
    const added = await deliver(bot, membershipUpdate(bots.telegram, group, adder, "member"));
    const message = await deliver(bot, groupMessage(bots.telegram, group, adder, "hello bot"));
    expect([...added.calls, ...message.calls]).toEqual([]);
  });

  async function deliver(bot: ReturnType<typeof bots.bot>, update: Parameters<typeof bot.handleUpdate>[0]) {
    const before = bots.telegram.calls.length;
    await bot.handleUpdate(update);
    return new Exchange(bots.telegram.calls.slice(before));
  }
});
