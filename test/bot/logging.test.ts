import type { Chat, Message, User } from "grammy/types";
import { describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { STAFF_CHAT_BASE, useBots } from "../helpers/telegram.js";

const bots = useBots();

describe("logs", () => {
  it("say what happened without message texts, names or Telegram ids", async () => {
    const log: string[] = [];
    const user = bots.user(bots.bot({ log }), "de");
    await user.send("/start");
    await user.press("English");
    await user.send("Ich suche einen Kinderarzt für meine Tochter Leyla");
    await user.send("my husband Karim is unconscious");
    await user.sendMessage({ voice: { file_id: "f", file_unique_id: "u", duration: 2 } });

    const lines = log.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((line) => line.msg === "question" && line.decision === "emergency")).toBe(true);
    expect(lines).toContainEqual(expect.objectContaining({ msg: "language chosen", lang: "en" }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: "update handled", kind: "message:voice" }));
    const all = log.join("\n");
    for (const secret of ["Leyla", "Karim", "Kinderarzt", "unconscious", "Amira", String(user.from.id)]) {
      expect(all).not.toContain(secret);
    }
  });

  it("of a hand-off name ticket numbers, never the question, the answer, the newcomer or the staff member", async () => {
    const log: string[] = [];
    const lotse = bots.lotse({ log });
    lotse.handoff.start();
    const t = TRANSLATIONS.de;
    const office: Chat = { id: STAFF_CHAT_BASE, type: "supergroup", title: "Büro" };
    const staff: User = { id: 8_100_001, is_bot: false, first_name: "Yasemin" };
    bots.telegram.addMember(office.id, staff.id);
    const user = bots.user(lotse.bot, "de");
    await user.send("Wo gibt es die beste Pizza?");
    await user.press(t.handoff.offerButton);
    await user.press(t.handoff.addDetails);
    await user.send("Mein Nachbar Dragan empfiehlt keine.");
    await user.press(t.handoff.continue);
    await user.send("44287");
    await user.press(t.handoff.send);
    await lotse.handoff.worker.drained();
    const ticket = bots.telegram.messagesIn(office.id)[0] as Message & { reply_to_message: undefined };
    await lotse.bot.handleUpdate(
      bots.telegram.groupUpdate(office, staff, { text: "Rufen Sie Frau Okafor an", reply_to_message: ticket }),
    );
    await lotse.handoff.worker.drained();
    await lotse.handoff.stop();

    const lines = log.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ msg: "question handed off", ticket: 1 }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: "staff answer", ticket: 1, ok: true }));
    const all = log.join("\n");
    for (const secret of ["Dragan", "Pizza", "Okafor", "Yasemin", "Amira", String(user.from.id), String(staff.id)]) {
      expect(all).not.toContain(secret);
    }
  });
});
