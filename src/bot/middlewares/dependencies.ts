import type { MiddlewareFn } from "grammy";
import type { City } from "../../city/index.js";
import type { Config } from "../../config/env.js";
import type { TicketService } from "../../handoff/index.js";
import type { KnowledgeSource } from "../../knowledge/index.js";
import type { Context } from "../context.js";

/** Puts the configuration, the city, the tickets and this update's snapshot of the FAQ and matcher on the context. */
export function dependencies({
  config,
  city,
  tickets,
  knowledge,
}: {
  config: Config;
  city: City;
  tickets: TicketService;
  knowledge: KnowledgeSource;
}): MiddlewareFn<Context> {
  return (ctx, next) => {
    ctx.config = config;
    ctx.city = city;
    ctx.tickets = tickets;
    ctx.knowledge = knowledge.get();
    return next();
  };
}
