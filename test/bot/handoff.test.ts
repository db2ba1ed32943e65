import type { Chat, Message, User } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { TRANSLATIONS } from "../../src/bot/i18n.js";
import { findTopic, topicText } from "../../src/faq/index.js";
import type { Lang } from "../../src/languages.js";
import type { Lotse } from "../../src/runtime.js";
import { keysWithPrefix, STAFF_CHAT_BASE, shippedFaq, type TestUser, useBots } from "../helpers/telegram.js";

const bots = useBots();
const { faq, matcher } = shippedFaq().get();
/** Aplerbeck's postal code 44287 belongs to no other district; its office is the first in the city file. */
const APLERBECK_CODE = "44287";
const OFFICE_CHAT: Chat = { id: STAFF_CHAT_BASE - 0, type: "supergroup", title: "lokal willkommen Brackel/Aplerbeck" };
const OTHER_OFFICE_CHAT: Chat = {
  id: STAFF_CHAT_BASE - 1,
  type: "supergroup",
  title: "lokal willkommen Hörde/Hombruch",
};
const anna: User = { id: 8_000_001, is_bot: false, first_name: "Anna" };
const stranger: User = { id: 8_000_002, is_bot: false, first_name: "Mallory" };

/** Questions the FAQ does not cover: the bot offers the office for them. */
const UNCOVERED: Record<"de" | "ar" | "uk", string> = {
  de: "Wo gibt es die beste Pizza?",
  ar: "ما هو أفضل مطعم بيتزا؟",
  uk: "Де найкраща піца в місті?",
};

const running: Lotse[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((lotse) => lotse.handoff.stop()));
});

function start(env: Record<string, string> = {}): Lotse {
  const lotse = bots.lotse({ env });
  lotse.handoff.start();
  running.push(lotse);
  bots.telegram.addMember(OFFICE_CHAT.id, anna.id);
  bots.telegram.addMember(OTHER_OFFICE_CHAT.id, anna.id);
  return lotse;
}

/** Goes through the whole hand-off of `text`: offer, confirm, district by postal code, consent. */
async function handOff(user: TestUser, lang: Lang, text: string, code: string | null = APLERBECK_CODE) {
  const t = TRANSLATIONS[lang];
  await user.send(text);
  await user.press(t.handoff.offerButton);
  await user.press(t.handoff.continue);
  if (code) await user.send(code);
  return user.press(t.handoff.send);
}

/** The ticket's own message in the staff group: the one with its claim/close (or final state) button. */
function staffMessage(number: number, chat: Chat = OFFICE_CHAT): Message {
  const message = bots.telegram
    .messagesIn(chat.id)
    .find((m) => new RegExp(`"st:\\w+:${number}"`).test(JSON.stringify(m.reply_markup ?? {})));
  if (!message) throw new Error(`ticket #${number} is not in the staff group`);
  return message;
}

function staffReply(lotse: Lotse, number: number, content: Partial<Message>, from = anna, chat = OFFICE_CHAT) {
  const replyTo = staffMessage(number) as Message & { reply_to_message: undefined };
  const update = bots.telegram.groupUpdate(chat, from, { reply_to_message: replyTo, ...content });
  return lotse.bot.handleUpdate(update);
}

/** A newcomer whose question is already in the office's group. */
async function openTicket(lang: "de" | "ar" | "uk" = "de") {
  const lotse = start();
  const user = bots.user(lotse.bot, lang);
  const number = ticketNumber((await handOff(user, lang, UNCOVERED[lang])).text);
  await lotse.handoff.worker.drained();
  return { lotse, user, number };
}

const ticketNumber = (text: string) => Number(/#\u2068?(\d+)/.exec(text)?.[1]);

describe("handing a question to the district office", () => {
  it.each<Lang & ("de" | "ar" | "uk")>(["de", "ar", "uk"])(
    "in %s: the question reaches the office's group and the staff answer comes back",
    async (lang) => {
      const t = TRANSLATIONS[lang];
      expect(matcher.match(UNCOVERED[lang], { lang }).decision).toBe("handoff");
      const lotse = start();
      const user = bots.user(lotse.bot, lang);
      const sent = await handOff(user, lang, UNCOVERED[lang]);
      const number = ticketNumber(sent.text);
      expect(sent.text).toContain(t.handoff.sentHelp);
      const ticket = await lotse.handoff.tickets.getTicket(number);
      expect(ticket).toMatchObject({ lang, districtId: "aplerbeck", officeId: "brackel-aplerbeck", status: "open" });

      await lotse.handoff.worker.drained();
      const staffText = staffMessage(number).text ?? "";
      expect(staffText).toContain(UNCOVERED[lang]);
      expect(staffText).toContain("Aplerbeck");
      expect(staffText).toContain(lang === "de" ? "Sprache: Deutsch" : "Sprache: <b>");

      const before = bots.telegram.calls.length;
      await staffReply(lotse, number, { text: "Kommen Sie am Montag vorbei." });
      await lotse.handoff.worker.drained();
      const toUser = bots.telegram.calls.slice(before).filter((c) => Number(c.payload.chat_id) === user.from.id);
      expect(toUser).toHaveLength(1);
      expect(String(toUser[0]?.payload.text)).toContain("Kommen Sie am Montag vorbei.");
      expect(String(toUser[0]?.payload.text)).toContain(t.handoff.answerFooter);
      expect((await lotse.handoff.tickets.getTicket(number))?.status).toBe("answered");
      const delivered = bots.telegram.messagesIn(OFFICE_CHAT.id).at(-1)?.text ?? "";
      expect(delivered).toContain(`#${number}`);
      expect(delivered).toContain("zugestellt");
    },
  );

  it("the ticket is stored before the newcomer is told it was sent, even with no outbox running", async () => {
    const lotse = bots.lotse();
    const user = bots.user(lotse.bot, "de");
    const sent = await handOff(user, "de", UNCOVERED.de);
    const number = ticketNumber(sent.text);
    expect(await lotse.handoff.tickets.getTicket(number)).toMatchObject({ status: "open", question: UNCOVERED.de });
    expect(bots.telegram.messagesIn(OFFICE_CHAT.id)).toHaveLength(0);
  });

  it("a bot that dies while confirming and gets the same update again after a restart makes one ticket", async () => {
    const t = TRANSLATIONS.de;
    const dying = bots.lotse();
    const user = bots.user(dying.bot, "de");
    await user.send(UNCOVERED.de);
    await user.press(t.handoff.offerButton);
    await user.press(t.handoff.continue);
    await user.send(APLERBECK_CODE);
    // The confirmation never gets through: the process dies while sending it, after the ticket was stored.
    bots.telegram.fail((call) => String(call.payload.text).includes(t.handoff.sentHelp), "hang");
    const consent = bots.telegram.lastKeyboardMessage(user.from.id);
    const send = consent?.reply_markup?.inline_keyboard.flat().find((b) => b.text === t.handoff.send);
    if (!consent || !send || !("callback_data" in send)) throw new Error("no consent button");
    const update = bots.telegram.callbackUpdate(user.from, consent, send.callback_data);
    void dying.bot.handleUpdate(update);
    await expect.poll(() => bots.telegram.refused.length).toBe(1);

    // Telegram hands the unconfirmed update to the restarted bot.
    const restarted = bots.lotse();
    const reply = await user.deliver(update, restarted.bot);
    expect(reply.text).toContain("#1");
    expect(await restarted.handoff.tickets.ticketsOfUser(user.from.id)).toHaveLength(1);
  });

  it("marks a foreign-language question with its language and the German titles of the nearest FAQ topics", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "ar");
    const question = "أين أجد أفضل مطعم شاورما في المدينة";
    expect(matcher.match(question, { lang: "ar" }).decision).toBe("handoff");
    const number = ticketNumber((await handOff(user, "ar", question)).text);
    await lotse.handoff.worker.drained();
    const text = staffMessage(number).text ?? "";
    expect(text).toContain("Arabisch");
    for (const id of (await lotse.handoff.tickets.getTicket(number))?.nearTopics ?? []) {
      const topic = findTopic(faq, id);
      expect(topic && text).toContain(topic ? topicText(topic, "de").text.title : id);
    }
  });

  it("a question with HTML or links cannot put markup into the staff group", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    const attack = 'Hilfe <a href="https://evil.example">hier klicken</a> <b>dringend</b> & mehr';
    await handOff(user, "de", attack);
    await lotse.handoff.worker.drained();
    const call = bots.telegram.calls.find((c) => Number(c.payload.chat_id) === OFFICE_CHAT.id);
    const html = String(call?.payload.text);
    expect(html).toContain('&lt;a href="https://evil.example"&gt;hier klicken&lt;/a&gt;');
    expect(html).toContain("&lt;b&gt;dringend&lt;/b&gt; &amp; mehr");
    expect(html).not.toContain("<a ");
  });

  it("a staff reply Telegram delivers twice (after a crash) reaches the newcomer once", async () => {
    const { lotse, user, number } = await openTicket();
    const replyTo = staffMessage(number) as Message & { reply_to_message: undefined };
    const update = bots.telegram.groupUpdate(OFFICE_CHAT, anna, { text: "Einmal bitte", reply_to_message: replyTo });
    await lotse.bot.handleUpdate(update);
    await lotse.bot.handleUpdate(update);
    await lotse.handoff.worker.drained();
    const answers = bots.telegram.calls.filter((c) => Number(c.payload.chat_id) === user.from.id);
    expect(answers.filter((c) => String(c.payload.text).includes("Einmal bitte"))).toHaveLength(1);
  });

  it("a staff answer with markup reaches the newcomer as plain text", async () => {
    const { lotse, user, number } = await openTicket();
    await staffReply(lotse, number, { text: "Siehe <i>hier</i>" });
    await lotse.handoff.worker.drained();
    const answer = bots.telegram.calls.filter((c) => Number(c.payload.chat_id) === user.from.id).at(-1);
    expect(String(answer?.payload.text)).toContain("Siehe &lt;i&gt;hier&lt;/i&gt;");
  });

  it("staff photos and documents are relayed with their captions", async () => {
    const { lotse, user, number } = await openTicket();
    const photo = [
      { file_id: "small", file_unique_id: "s", width: 90, height: 90 },
      { file_id: "large", file_unique_id: "l", width: 900, height: 900 },
    ];
    await staffReply(lotse, number, { photo, caption: "Das Formular" });
    await staffReply(lotse, number, { document: { file_id: "doc-1", file_unique_id: "d" }, caption: "Merkblatt" });
    await lotse.handoff.worker.drained();
    const photoCall = bots.telegram.calls.find((c) => c.method === "sendPhoto");
    const documentCall = bots.telegram.calls.find((c) => c.method === "sendDocument");
    expect(photoCall?.payload).toMatchObject({ chat_id: user.from.id, photo: "large" });
    expect(String(photoCall?.payload.caption)).toContain("Das Formular");
    expect(documentCall?.payload).toMatchObject({ chat_id: user.from.id, document: "doc-1" });
    expect(String(documentCall?.payload.caption)).toContain("Merkblatt");
  });

  it("/faq as a reply sends the FAQ answer in the newcomer's language", async () => {
    const { lotse, user, number } = await openTicket("uk");
    await staffReply(lotse, number, {
      text: "/faq find-doctor",
      entities: [{ type: "bot_command", offset: 0, length: 4 }],
    });
    await lotse.handoff.worker.drained();
    const answer = bots.telegram.calls.filter((c) => Number(c.payload.chat_id) === user.from.id).at(-1);
    const topic = findTopic(faq, "find-doctor");
    expect(String(answer?.payload.text)).toContain(topic ? topicText(topic, "uk").text.title : "?");
  });

  it("/faq with an unknown topic suggests similar ids and sends nothing to the newcomer", async () => {
    const { lotse, number } = await openTicket();
    const before = bots.telegram.calls.length;
    await staffReply(lotse, number, {
      text: "/faq find-doc",
      entities: [{ type: "bot_command", offset: 0, length: 4 }],
    });
    const calls = bots.telegram.calls.slice(before);
    expect(calls.every((c) => Number(c.payload.chat_id) === OFFICE_CHAT.id)).toBe(true);
    expect(String(calls.at(-1)?.payload.text)).toContain("find-doctor");
  });

  it("replies from people who are not members of the group, or in another office's group, are ignored", async () => {
    const { lotse, number } = await openTicket();
    const before = bots.telegram.calls.filter((c) => c.method !== "getChatMember").length;
    await staffReply(lotse, number, { text: "Ich bin nicht im Team" }, stranger);
    await staffReply(lotse, number, { text: "Falsche Gruppe" }, anna, OTHER_OFFICE_CHAT);
    await lotse.handoff.worker.drained();
    expect(bots.telegram.calls.filter((c) => c.method !== "getChatMember")).toHaveLength(before);
    expect((await lotse.handoff.tickets.getTicket(number))?.status).toBe("open");
  });

  it("claiming shows who took it; a closed ticket tells the newcomer and takes no more answers", async () => {
    const { lotse, user, number } = await openTicket();
    const press = (label: string) => {
      const message = bots.telegram
        .messagesIn(OFFICE_CHAT.id)
        .find((m) => m.message_id === staffMessage(number).message_id);
      const button = message?.reply_markup?.inline_keyboard.flat().find((b) => b.text === label);
      if (!message || !button || !("callback_data" in button)) throw new Error(`no button ${label}`);
      return lotse.bot.handleUpdate(bots.telegram.callbackUpdate(anna, message, button.callback_data));
    };
    await press("🙋 Übernehmen");
    expect(JSON.stringify(staffMessage(number).reply_markup)).toContain("🙋 Anna");
    await press("✅ Abschließen");
    await lotse.handoff.worker.drained();
    expect(JSON.stringify(staffMessage(number).reply_markup)).toContain("✅ Abgeschlossen");
    const toUser = bots.telegram.calls.filter((c) => Number(c.payload.chat_id) === user.from.id).at(-1);
    expect(String(toUser?.payload.text)).toContain(`#${number}`);
    const ticket = await lotse.handoff.tickets.getTicket(number);
    expect(ticket).toMatchObject({ status: "closed", question: null });

    await staffReply(lotse, number, { text: "Noch eine Antwort" });
    await lotse.handoff.worker.drained();
    expect(bots.telegram.messagesIn(OFFICE_CHAT.id).at(-1)?.text).toContain("bereits abgeschlossen");
    expect(bots.telegram.calls.filter((c) => Number(c.payload.chat_id) === user.from.id).at(-1)).toEqual(toUser);
  });

  it("/faq or /block without replying to a ticket is explained", async () => {
    const lotse = start();
    const command = { text: "/block", entities: [{ type: "bot_command" as const, offset: 0, length: 6 }] };
    await lotse.bot.handleUpdate(bots.telegram.groupUpdate(OFFICE_CHAT, anna, command));
    expect(bots.telegram.messagesIn(OFFICE_CHAT.id).at(-1)?.text).toContain(
      "als Antwort auf die Nachricht einer Anfrage",
    );
  });

  it("/open lists the office's waiting tickets, oldest first", async () => {
    const lotse = start();
    const first = ticketNumber((await handOff(bots.user(lotse.bot, "de"), "de", UNCOVERED.de)).text);
    const second = ticketNumber((await handOff(bots.user(lotse.bot, "ar"), "ar", UNCOVERED.ar)).text);
    await lotse.handoff.worker.drained();
    await lotse.bot.handleUpdate(
      bots.telegram.groupUpdate(OFFICE_CHAT, anna, {
        text: "/open",
        entities: [{ type: "bot_command", offset: 0, length: 5 }],
      }),
    );
    const list = bots.telegram.messagesIn(OFFICE_CHAT.id).at(-1)?.text ?? "";
    expect(list.indexOf(`#${first}`)).toBeGreaterThan(0);
    expect(list.indexOf(`#${second}`)).toBeGreaterThan(list.indexOf(`#${first}`));
    expect(list).toContain("Arabisch");
  });

  it("/block as a reply stops further hand-offs from that newcomer, /unblock allows them again", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    const t = TRANSLATIONS.de;
    const number = ticketNumber((await handOff(user, "de", UNCOVERED.de)).text);
    await lotse.handoff.worker.drained();
    const command = (text: string) => ({
      text,
      entities: [{ type: "bot_command" as const, offset: 0, length: text.length }],
    });
    await staffReply(lotse, number, command("/block"));
    const refused = await user.send("Wo gibt es den besten Döner?");
    expect(refused.text).toContain(t.handoff.refusedBlocked);
    expect(refused.buttons).not.toContain(t.handoff.offerButton);
    await staffReply(lotse, number, command("/unblock"));
    const offered = await user.send("Wo gibt es den besten Döner?");
    expect(offered.buttons).toContain(t.handoff.offerButton);
  });

  it("a reply to the confirmation adds to the ticket, and staff see it as a follow-up", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    const sent = await handOff(user, "de", UNCOVERED.de);
    const number = ticketNumber(sent.text);
    const confirmation = bots.telegram.messagesIn(user.from.id).at(-1);
    const reply = await user.sendMessage({
      text: "Ich wohne im Erdgeschoss.",
      reply_to_message: confirmation,
    } as Partial<Message>);
    expect(reply.text).toContain(TRANSLATIONS.de.handoff.followUpAdded.replace("{{number}}", String(number)));
    await lotse.handoff.worker.drained();
    const followUp = bots.telegram.messagesIn(OFFICE_CHAT.id).at(-1)?.text ?? "";
    expect(followUp).toContain("Nachtrag");
    expect(followUp).toContain("Ich wohne im Erdgeschoss.");
  });

  it("with an open ticket, another unanswered message can be added to it", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    const number = ticketNumber((await handOff(user, "de", UNCOVERED.de)).text);
    await user.send("Wo gibt es den besten Döner?");
    const added = await user.press(TRANSLATIONS.de.handoff.addButton.replace("{{number}}", String(number)));
    expect(added.text).toContain(`#${number}`);
    expect((await lotse.handoff.tickets.getTicket(number))?.followUps).toBe(1);
  });

  it("/tickets lists open questions and withdrawing one tells staff", async () => {
    const { lotse, user, number } = await openTicket();
    const list = await user.send("/tickets");
    expect(list.text).toContain(`#${number}`);
    expect(list.text).toContain("Aplerbeck");
    const withdrawn = await user.press(TRANSLATIONS.de.tickets.withdraw.replace("{{number}}", String(number)));
    expect(withdrawn.text).toContain(`#${number}`);
    await lotse.handoff.worker.drained();
    expect(bots.telegram.messagesIn(OFFICE_CHAT.id).at(-1)?.text).toContain("zurückgezogen");
    expect(JSON.stringify(staffMessage(number).reply_markup)).toContain("Zurückgezogen");
    expect((await user.send("/tickets")).text).toContain(TRANSLATIONS.de.tickets.none);
  });

  it("/delete withdraws the newcomer's tickets and deletes their text", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    const number = ticketNumber((await handOff(user, "de", UNCOVERED.de)).text);
    await user.send("/delete");
    expect(await lotse.handoff.tickets.getTicket(number)).toMatchObject({
      status: "withdrawn",
      question: null,
      userChatId: 0,
    });
  });

  it("/delete in the middle of a hand-off leaves no trace of the question in Redis", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    const question = "Wo gibt es die beste Pizza? Ich heiße Samira Haddad.";
    await user.send(question);
    await user.press(TRANSLATIONS.de.handoff.offerButton);
    await user.send("/delete");
    for (const key of await keysWithPrefix(bots.redis, bots.prefix)) {
      const type = await bots.redis.type(key);
      const value = type === "string" ? await bots.redis.get(key) : JSON.stringify(await bots.redis.hgetall(key));
      expect(value ?? "", key).not.toContain("Haddad");
    }
  });

  it("remembers the district: the next hand-off does not ask again", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    await handOff(user, "de", UNCOVERED.de);
    const second = await handOff(user, "de", "Wo gibt es den besten Döner?", null);
    expect(second.text).toContain("Aplerbeck");
  });

  it("refuses more open questions than allowed, and says how to withdraw one", async () => {
    const lotse = start({ HANDOFF_MAX_OPEN: "1" });
    const user = bots.user(lotse.bot, "de");
    await handOff(user, "de", UNCOVERED.de);
    const reply = await user.send("Wo gibt es den besten Döner?");
    expect(reply.text).toContain("/tickets");
    expect(reply.buttons).not.toContain(TRANSLATIONS.de.handoff.offerButton);
  });

  it("an emergency typed during the hand-off gets the emergency reply at once", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    await user.send(UNCOVERED.de);
    await user.press(TRANSLATIONS.de.handoff.offerButton);
    const reply = await user.send("Mein Kind ist bewusstlos!");
    expect(reply.text).toContain("112");
  });

  it("a question too long for one message to staff is asked for again, shorter", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    const long = `${"Wo gibt es gute Pizza in der Nähe? ".repeat(118)}Danke`;
    expect(long.length).toBeGreaterThan(4000);
    expect(matcher.match(long, { lang: "de" }).decision).toBe("handoff");
    await user.send(long);
    const asked = await user.press(TRANSLATIONS.de.handoff.offerButton);
    expect(asked.text).toContain(TRANSLATIONS.de.handoff.askQuestion.split(".")[0]);
    const confirm = await user.send("Wo gibt es die beste Pizza?");
    expect(confirm.buttons).toContain(TRANSLATIONS.de.handoff.continue);
  });

  it("can be cancelled, and then nothing is sent", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    await user.send(UNCOVERED.de);
    await user.press(TRANSLATIONS.de.handoff.offerButton);
    const cancelled = await user.press(TRANSLATIONS.de.handoff.cancel);
    expect(cancelled.text).toContain(TRANSLATIONS.de.handoff.cancelled);
    expect(await lotse.handoff.tickets.ticketsOfUser(user.from.id)).toEqual([]);
  });
});

describe("finding the district", () => {
  async function askDistrict(lang: Lang = "de") {
    const lotse = start();
    const user = bots.user(lotse.bot, lang);
    await user.send(UNCOVERED.de);
    await user.press(TRANSLATIONS[lang].handoff.offerButton);
    const asked = await user.press(TRANSLATIONS[lang].handoff.continue);
    return { user, asked };
  }

  it("offers a location button and the list of all districts", async () => {
    const { asked } = await askDistrict();
    expect(JSON.stringify(asked.calls.map((call) => call.payload.reply_markup))).toContain('"request_location":true');
    expect(asked.buttons).toContain("Hörde");
    expect(asked.buttons).toHaveLength(13);
  });

  it("a postal code of several districts lets the newcomer choose among them", async () => {
    const { user } = await askDistrict();
    const choice = await user.send("44309");
    expect(choice.buttons).toEqual(["Scharnhorst", "Brackel"]);
    const saved = await user.press("Brackel");
    expect(saved.text).toContain("Brackel");
  });

  it("an unknown postal code or other text is explained, and the list offered again", async () => {
    const { user } = await askDistrict();
    expect((await user.send("10115")).text).toContain(TRANSLATIONS.de.district.unknownCode.split("{{")[0]);
    expect((await user.send("bei mir")).text).toContain(TRANSLATIONS.de.district.invalid);
  });

  it("a shared location is placed in the nearest district, which the newcomer confirms", async () => {
    const { user } = await askDistrict();
    const placed = await user.sendMessage({ location: { latitude: 51.481, longitude: 7.499 } });
    expect(placed.text).toContain("Hörde");
    const saved = await user.press(TRANSLATIONS.de.district.yes);
    expect(saved.text).toContain("Hörde");
  });

  it("after a location, “No” shows the list and a postal code still works", async () => {
    const { user } = await askDistrict();
    await user.sendMessage({ location: { latitude: 51.481, longitude: 7.499 } });
    expect((await user.press(TRANSLATIONS.de.district.no)).buttons).toContain("Mengede");
    expect((await user.sendMessage({ sticker: { file_id: "s" } } as Partial<Message>)).text).toContain(
      TRANSLATIONS.de.district.invalid,
    );
    expect((await user.send(APLERBECK_CODE)).text).toContain("Aplerbeck");
  });

  it("a location far outside the city is not placed", async () => {
    const { user } = await askDistrict();
    const reply = await user.sendMessage({ location: { latitude: 52.52, longitude: 13.405 } });
    expect(reply.text).toContain("außerhalb");
  });

  it("“I don't know” sends the question to the fallback office", async () => {
    const { user } = await askDistrict();
    await user.press(TRANSLATIONS.de.district.unknownButton);
    const sent = await user.press(TRANSLATIONS.de.handoff.send);
    expect(sent.text).toContain("Innenstadt");
  });

  it("/district changes the remembered district", async () => {
    const lotse = start();
    const user = bots.user(lotse.bot, "de");
    await user.send("/district");
    await user.send(APLERBECK_CODE);
    await user.send(UNCOVERED.de);
    await user.press(TRANSLATIONS.de.handoff.offerButton);
    const consent = await user.press(TRANSLATIONS.de.handoff.continue);
    expect(consent.text).toContain("Aplerbeck");
  });
});
