import { createConversation } from "@grammyjs/conversations";
import { type Context as BaseContext, InlineKeyboard, Keyboard } from "grammy";
import type { i18n } from "i18next";
import { type City, type District, districtForLocation, districtsForPostalCode } from "../../city/index.js";
import type { Lang } from "../../languages.js";
import { districtCallback, districtListCallback } from "../callback-data.js";
import { type Translate, translator } from "../i18n.js";
import { CONVERSATION_PLUGINS, isEmergency, type LotseConversation, leave } from "./steps.js";

export const DISTRICT = "district";

const districtButtons = (districts: District[]) =>
  districts.map((district) => InlineKeyboard.text(district.name, districtCallback.build({ id: district.id })));

/** All districts, two per row, and "I don't know" (the fallback office takes the question then). */
function createDistrictKeyboard(city: City, t: Translate): InlineKeyboard {
  const buttons = districtButtons(city.districts);
  const rows = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return InlineKeyboard.from([
    ...rows,
    [InlineKeyboard.text(t("district.unknownButton"), districtCallback.build({ id: null }))],
  ]);
}

/**
 * Finds the newcomer's district: a postal code (several candidates offered to choose from), a shared
 * location (the nearest district, confirmed by the user), or a pick from the list. Resolves with the
 * district's id, or null for "I don't know"; anything unrelated leaves the conversation.
 */
export async function askDistrict(
  conversation: LotseConversation,
  ctx: BaseContext,
  city: City,
  t: Translate,
  lang: Lang,
): Promise<string | null> {
  // Confirms the district; the location button goes away with this message.
  const saved = async (reply: BaseContext, district: District | undefined) => {
    await reply.reply(t("district.saved", { district: district?.name ?? t("district.unknown") }), {
      reply_markup: { remove_keyboard: true },
    });
    return district?.id ?? null;
  };
  const location = new Keyboard().requestLocation(t("district.locationButton")).resized().oneTime();
  await ctx.reply(t("district.ask"), { parse_mode: "HTML", reply_markup: location });
  await ctx.reply(t("district.choose"), { reply_markup: createDistrictKeyboard(city, t) });
  for (;;) {
    const next = await conversation.wait();
    if (next.callbackQuery) {
      const data = next.callbackQuery.data ?? "";
      if (districtListCallback.parse(data)) {
        await next.answerCallbackQuery();
        await next.reply(t("district.choose"), { reply_markup: createDistrictKeyboard(city, t) });
        continue;
      }
      const pick = districtCallback.parse(data);
      if (!pick) return leave(conversation);
      await next.answerCallbackQuery();
      return saved(
        next,
        city.districts.find((d) => d.id === pick.id),
      );
    }
    const message = next.message;
    if (!message) return leave(conversation);
    if (message.location) {
      const placement = districtForLocation(city, message.location.latitude, message.location.longitude);
      // "Yes" picks the district like the list does; "No" shows the list again. A postal code still works.
      if (placement.kind === "district") {
        await next.reply(t("district.located", { district: placement.district.name }), {
          reply_markup: InlineKeyboard.from([
            [InlineKeyboard.text(t("district.yes"), districtCallback.build({ id: placement.district.id }))],
            [InlineKeyboard.text(t("district.no"), districtListCallback.build({}))],
          ]),
        });
        continue;
      }
      await next.reply(
        placement.kind === "outside" ? t("district.outside", { city: city.name }) : t("district.locationUnavailable"),
      );
      continue;
    }
    const text = message.text?.trim();
    if (text !== undefined && (text.startsWith("/") || (await isEmergency(conversation, text, lang)))) {
      return leave(conversation);
    }
    if (text === undefined || !/^\d{5}$/.test(text.replace(/\s+/g, ""))) {
      await next.reply(t("district.invalid"));
      continue;
    }
    const candidates = districtsForPostalCode(city, text);
    if (candidates.length === 1) return saved(next, candidates[0]);
    const code = text.replace(/\s+/g, "");
    if (candidates.length === 0) {
      await next.reply(t("district.unknownCode", { code, city: city.name }), {
        reply_markup: createDistrictKeyboard(city, t),
      });
    } else {
      await next.reply(t("district.severalDistricts", { code }), {
        reply_markup: InlineKeyboard.from(districtButtons(candidates).map((button) => [button])),
      });
    }
  }
}

/** /district: asks again and remembers the answer. */
export function createDistrictConversation(instance: i18n, city: City) {
  async function district(conversation: LotseConversation, ctx: BaseContext): Promise<void> {
    const lang = await conversation.external((outer) => outer.lang);
    const id = await askDistrict(conversation, ctx, city, translator(instance, lang), lang);
    await conversation.external((outer) => {
      if (id === null) delete outer.session.districtId;
      else outer.session.districtId = id;
    });
  }
  return createConversation(district, { id: DISTRICT, plugins: CONVERSATION_PLUGINS });
}
