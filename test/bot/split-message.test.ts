import { describe, expect, it } from "vitest";
import { MESSAGE_LIMIT, splitMessage } from "../../src/bot/helpers/split-message.js";

describe("splitting long messages", () => {
  it("leaves a message within the limit alone", () => {
    expect(splitMessage("<b>Hello</b>\n\nworld")).toEqual(["<b>Hello</b>\n\nworld"]);
  });

  it("splits between lines, each part within Telegram's limit", () => {
    const line = "x".repeat(1000);
    const parts = splitMessage(Array.from({ length: 10 }, () => line).join("\n"));
    expect(parts.length).toBe(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(parts.join("\n")).toBe(Array.from({ length: 10 }, () => line).join("\n"));
  });

  it("splits an overlong line between words and keeps bold text bold in both parts", () => {
    const html = `<b>${"word ".repeat(30).trim()}</b>`;
    const parts = splitMessage(html, 60);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(60);
      expect(part).toMatch(/^<b>.*<\/b>$/);
    }
  });

  it("never cuts an HTML entity or tag apart", () => {
    // With a limit of 50, a line without spaces is cut near position 36: here inside "&amp;" and "<b>".
    const entity = splitMessage(`${"a".repeat(34)}&amp;${"b".repeat(20)}`, 50);
    expect(entity[0]).toBe("a".repeat(34));
    expect(entity[1]).toMatch(/^&amp;b+$/);
    const tag = splitMessage(`${"a".repeat(34)}<b>${"b".repeat(20)}</b>`, 50);
    expect(tag[0]).toBe("a".repeat(34));
    expect(tag[1]).toMatch(/^<b>b+<\/b>$/);
  });
});
