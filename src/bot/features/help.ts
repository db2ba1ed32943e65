import { Composer } from "grammy";
import type { Context } from "../context.js";
import { replyHtml } from "../helpers/replies.js";

export const helpFeature = new Composer<Context>();
const feature = helpFeature.chatType("private");

feature.command("help", (ctx) => replyHtml(ctx, ctx.t("help.text", { days: ctx.config.sessionTtlDays })));
