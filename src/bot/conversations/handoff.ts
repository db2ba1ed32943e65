import { randomUUID } from "node:crypto";
import { createConversation } from "@grammyjs/conversations";
import { type Context as BaseContext, InlineKeyboard } from "grammy";
import type { i18n } from "i18next";
import { type City, formatOpeningHours, isOfficeOpen, officeForDistrict } from "../../city/index.js";
import { MAX_QUESTION_LENGTH, nearTopicIds, type Refusal } from "../../handoff/index.js";
import { LANGUAGE_NAMES, type Lang } from "../../languages.js";
import type { HandoffReason } from "../../matcher/index.js";
import { type HandoffStep, handoffCallback } from "../callback-data.js";
import { withEmergencyHint } from "../helpers/emergency-hint.js";
import { HTML } from "../helpers/html.js";
import { type Translate, translator } from "../i18n.js";
import { createBrowseKeyboard } from "../keyboards/menu.js";
import { askDistrict } from "./district.js";
import { CONVERSATION_PLUGINS, type LotseConversation, waitForButton, waitForText } from "./steps.js";

export const HANDOFF = "handoff";

/** Why the bot offers the office, and the question if the user already typed it. */
export interface HandoffStart {
  reason: HandoffReason | "not-helpful";
  question?: string;
}

const button = (label: string, step: HandoffStep, ticket?: number) =>
  InlineKeyboard.text(label, handoffCallback.build({ step, ...(ticket === undefined ? {} : { ticket }) }));

const isCancel = (data: string) => handoffCallback.parse(data)?.step === "cancel";

function refusalText(t: Translate, refusal: Refusal, open: number): string {
  switch (refusal) {
    case "blocked":
      return t("handoff.refusedBlocked");
    case "too-many-open":
      return t("handoff.refusedTooMany", { count: open });
    case "daily-limit":
      return t("handoff.refusedDaily");
    case "no-staff-chat":
      return t("handoff.refusedNoStaff");
  }
}

/**
 * The way to a person: offer → the question (typed now, or the one the bot could not answer) with
 * details added at will → the district (remembered for next time) → what is passed on, and consent →
 * the ticket, stored before the user is told it was sent. With an open ticket, the offer also lets the
 * user add the message to it. Redis is touched only inside `external`, so replays change nothing twice.
 */
export function createHandoffConversation(
  instance: i18n,
  city: City,
  settings: { ticketRetentionDays: number; remindAfterHours: number },
) {
  async function handoff(conversation: LotseConversation, ctx: BaseContext, start: HandoffStart): Promise<void> {
    const setup = await conversation.external(async (outer) => {
      const chatId = outer.chat?.id ?? 0;
      const { refusal, open } = await outer.tickets.allowance(chatId);
      return {
        lang: outer.lang,
        chatId,
        districtId: outer.session.districtId,
        refusal,
        open: open.length,
        latest: open.at(-1)?.number,
        // Recorded with the conversation, so a "send" or "add" replayed after a crash changes nothing twice.
        requestId: randomUUID(),
      };
    });
    const { lang, chatId, requestId } = setup;
    const t = translator(instance, lang);
    const opening = {
      "no-match": withEmergencyHint(t, t("handoff.noMatch")),
      "asked-for-person": t("handoff.askedForPerson"),
      "not-helpful": t("feedback.sorry"),
    }[start.reason];
    const browse = createBrowseKeyboard(t("menu.button"));
    const canAdd = setup.latest !== undefined && setup.refusal !== "blocked";
    if (setup.refusal && !canAdd) {
      await ctx.reply(`${opening}\n\n${refusalText(t, setup.refusal, setup.open)}`, { ...HTML, reply_markup: browse });
      return;
    }
    const offer = InlineKeyboard.from([
      ...(setup.refusal ? [] : [[button(t("handoff.offerButton"), "offer")]]),
      ...(canAdd ? [[button(t("handoff.addButton", { number: setup.latest ?? 0 }), "add", setup.latest)]] : []),
      ...browse.inline_keyboard,
    ]);
    const offerText = setup.refusal ? refusalText(t, setup.refusal, setup.open) : t("handoff.offer");
    await ctx.reply(`${opening}\n\n${offerText}`, { ...HTML, reply_markup: offer });
    const { ctx: chosen, payload } = await waitForButton(conversation, handoffCallback, (p) =>
      ["offer", "add"].includes(p.step),
    );

    // The message the bot could not answer is the question (or what to add); asked for, if there was none
    // or it is too long for one message to staff.
    let question = start.question;
    if (question !== undefined && question.length > MAX_QUESTION_LENGTH) {
      await chosen.reply(t("handoff.tooLong", { length: question.length, max: MAX_QUESTION_LENGTH }));
      question = undefined;
    }
    if (question === undefined) {
      await chosen.reply(payload.step === "add" ? t("handoff.askDetails") : t("handoff.askQuestion"), HTML);
      question = await waitForText(conversation, t, lang, isCancel);
      if (question === undefined) {
        await chosen.reply(t("handoff.cancelled"));
        return;
      }
    }
    if (payload.step === "add" && payload.ticket !== undefined) {
      const number = payload.ticket;
      const text = question;
      const added = await conversation.external((outer) => outer.tickets.addFollowUp(number, chatId, text, requestId));
      await chosen.reply(added.ok ? t("handoff.followUpAdded", { number }) : t("handoff.followUpFinished", { number }));
      return;
    }

    // Confirm the question; details may be added until it is too long for one staff message.
    for (;;) {
      const step = await choose(
        conversation,
        chosen,
        t,
        t("handoff.confirm", { question }),
        [t("handoff.continue"), "continue"],
        [t("handoff.addDetails"), "details"],
      );
      if (!step) return;
      if (step.payload.step === "continue") break;
      await step.ctx.reply(t("handoff.askDetails"));
      const details = await waitForText(conversation, t, lang, isCancel, MAX_QUESTION_LENGTH - question.length - 1);
      if (details !== undefined) question = `${question}\n${details}`;
    }

    let districtId = setup.districtId ?? (await askDistrict(conversation, ctx, city, t, lang));
    await remember(conversation, districtId);
    for (;;) {
      const office = officeForDistrict(city, districtId ?? undefined);
      const district = city.districts.find((d) => d.id === districtId)?.name ?? office.name;
      const step = await choose(
        conversation,
        ctx,
        t,
        t("handoff.consent", { district, language: LANGUAGE_NAMES[lang], days: settings.ticketRetentionDays }),
        [t("handoff.send"), "send"],
        [t("handoff.changeDistrict"), "change-district"],
      );
      if (!step) return;
      if (step.payload.step === "change-district") {
        districtId = await askDistrict(conversation, ctx, city, t, lang);
        await remember(conversation, districtId);
        continue;
      }
      await send(conversation, step.ctx, { t, lang, chatId, question, districtId, district, requestId });
      return;
    }
  }

  async function send(
    conversation: LotseConversation,
    ctx: BaseContext,
    draft: {
      t: Translate;
      lang: Lang;
      chatId: number;
      question: string;
      districtId: string | null;
      district: string;
      requestId: string;
    },
  ): Promise<void> {
    const { t, lang, chatId, question, districtId, district, requestId } = draft;
    type Created = { number: number; officeId: string } | { refusal: Refusal };
    const created = await conversation.external(async (outer): Promise<Created> => {
      const { matcher } = outer.knowledge;
      const nearTopics = nearTopicIds(matcher.match(question, { lang }).matches, matcher.config.thresholds.clarify);
      const result = await outer.tickets.create({
        userChatId: chatId,
        lang,
        ...(districtId ? { districtId } : {}),
        question,
        nearTopics,
        requestId,
      });
      outer.logger.info(
        "question handed off",
        result.ok ? { ticket: result.ticket.number } : { refused: result.reason },
      );
      return result.ok
        ? { number: result.ticket.number, officeId: result.ticket.officeId }
        : { refusal: result.reason };
    });
    if ("refusal" in created) {
      const open = await conversation.external(async (outer) => (await outer.tickets.ticketsOfUser(chatId)).length);
      await ctx.reply(refusalText(t, created.refusal, open), HTML);
      return;
    }
    const office = city.offices.find((o) => o.id === created.officeId) ?? officeForDistrict(city, undefined);
    const now = await conversation.now();
    const open = isOfficeOpen(office, new Date(now), city.timezone);
    const lines = [
      t("handoff.sent", { district, number: created.number }),
      t("handoff.reminderPromise", { hours: settings.remindAfterHours }),
      open === false ? t("handoff.closedNow", { hours: formatOpeningHours(office, lang) }) : undefined,
      t("handoff.sentHelp"),
    ];
    const sent = await ctx.reply(lines.filter(Boolean).join("\n\n"), HTML);
    const number = created.number;
    await conversation.external((outer) => outer.tickets.linkMessage(chatId, sent.message_id, number));
  }

  return createConversation(handoff, { id: HANDOFF, plugins: CONVERSATION_PLUGINS });
}

/**
 * A step with a main choice, a second one and Cancel. Resolves with the press, or undefined once Cancel
 * was pressed and acknowledged; anything else leaves the conversation.
 */
async function choose(
  conversation: LotseConversation,
  ctx: BaseContext,
  t: Translate,
  text: string,
  main: [label: string, step: HandoffStep],
  other: [label: string, step: HandoffStep],
) {
  await ctx.reply(text, {
    ...HTML,
    reply_markup: InlineKeyboard.from([[button(...main)], [button(...other), button(t("handoff.cancel"), "cancel")]]),
  });
  const step = await waitForButton(conversation, handoffCallback, (p) =>
    [main[1], other[1], "cancel"].includes(p.step),
  );
  if (step.payload.step !== "cancel") return step;
  await step.ctx.reply(t("handoff.cancelled"));
  return undefined;
}

async function remember(conversation: LotseConversation, districtId: string | null): Promise<void> {
  await conversation.external((outer) => {
    if (districtId === null) delete outer.session.districtId;
    else outer.session.districtId = districtId;
  });
}
