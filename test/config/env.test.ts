import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config/env.js";

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.variable}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe("configuration from the environment", () => {
  it("has working defaults when nothing is set", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      redisPrefix: "lotse:",
      sessionTtlDays: 30,
      botMode: "polling",
      port: 8080,
      rateLimit: { max: 10, windowSeconds: 10 },
    });
    expect(config.botToken).toBeUndefined();
    expect(config.cityFile).toMatch(/config\/city\.yaml$/);
    expect(config.handoff).toEqual({
      maxOpenPerUser: 3,
      maxPerDay: 5,
      remindAfterHours: 24,
      ticketRetentionDays: 30,
      blockDays: 90,
      outboxLeaseSeconds: 30,
    });
  });

  it("reads every variable", () => {
    const config = parseConfig({
      BOT_TOKEN: "123456:ABC-def_1",
      REDIS_URL: "redis://:secret@redis:6379/2",
      REDIS_PREFIX: "dortmund:",
      SESSION_TTL_DAYS: "14",
      TELEGRAM_API_ROOT: "http://localhost:8081/",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/telegram",
      WEBHOOK_SECRET: "a-very-long-secret_123",
      PORT: "3000",
      FAQ_DIR: "/srv/faq",
      LOG_LEVEL: "debug",
      RATE_LIMIT_MAX: "5",
      RATE_LIMIT_WINDOW_SECONDS: "30",
      CITY_FILE: "/srv/city.yaml",
      HANDOFF_MAX_OPEN: "2",
      HANDOFF_MAX_PER_DAY: "4",
      REMIND_AFTER_HOURS: "8",
      TICKET_RETENTION_DAYS: "60",
      BLOCK_DAYS: "30",
      OUTBOX_LEASE_SECONDS: "5",
    });
    expect(config).toMatchObject({
      botToken: "123456:ABC-def_1",
      redisPrefix: "dortmund:",
      sessionTtlDays: 14,
      telegramApiRoot: "http://localhost:8081",
      webhook: { url: "https://bot.example.org/telegram", secret: "a-very-long-secret_123" },
      port: 3000,
      faqDir: "/srv/faq",
      logLevel: "debug",
      rateLimit: { max: 5, windowSeconds: 30 },
    });
    expect(config.cityFile).toBe("/srv/city.yaml");
    expect(config.handoff).toEqual({
      maxOpenPerUser: 2,
      maxPerDay: 4,
      remindAfterHours: 8,
      ticketRetentionDays: 60,
      blockDays: 30,
      outboxLeaseSeconds: 5,
    });
  });

  it("treats an empty value as not set", () => {
    expect(parseConfig({ BOT_TOKEN: "", SESSION_TTL_DAYS: "" })).toMatchObject({ sessionTtlDays: 30 });
  });

  it("names each wrong variable and says what is expected", () => {
    expect(
      problems({
        BOT_TOKEN: "not-a-token",
        REDIS_URL: "localhost:6379",
        SESSION_TTL_DAYS: "thirty",
        BOT_MODE: "push",
        HANDOFF_MAX_OPEN: "0",
      }),
    ).toEqual([
      expect.stringMatching(/^BOT_TOKEN: must look like 123456789:/),
      expect.stringMatching(/^REDIS_URL: must be a URL starting with redis:\/\//),
      "SESSION_TTL_DAYS: must be a number",
      'BOT_MODE: must be "polling" or "webhook"',
      "HANDOFF_MAX_OPEN: must be at least 1",
    ]);
  });

  it("requires the webhook URL and secret in webhook mode", () => {
    expect(problems({ BOT_MODE: "webhook" })).toEqual([
      "WEBHOOK_URL: is required when BOT_MODE=webhook",
      "WEBHOOK_SECRET: is required when BOT_MODE=webhook",
    ]);
  });

  it("explains the error in its message, variable by variable", () => {
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/invalid configuration:\n {2}PORT: must be at most 65535/);
  });
});
