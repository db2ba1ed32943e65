import type { MiddlewareFn } from "grammy";
import type { Config } from "../../config/env.js";
import type { KnowledgeSource } from "../../knowledge/index.js";
import type { Context } from "../context.js";

/** Puts the configuration and this update's snapshot of the FAQ and matcher on the context. */
export function dependencies({
  config,
  knowledge,
}: {
  config: Config;
  knowledge: KnowledgeSource;
}): MiddlewareFn<Context> {
  return (ctx, next) => {
    ctx.config = config;
    ctx.knowledge = knowledge.get();
    return next();
  };
}
