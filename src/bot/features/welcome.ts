import { Composer } from "grammy";
import type { Context } from "../context.js";
import { ONBOARDING } from "../conversations/onboarding.js";

export const welcomeFeature = new Composer<Context>();
const feature = welcomeFeature.chatType("private");

feature.command("start", (ctx) => ctx.conversation.enter(ONBOARDING));
