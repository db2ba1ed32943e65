import { describe, expect, it } from "vitest";
import { loadFaq } from "../../src/faq/index.js";
import { faqDir, topicYaml } from "../helpers/faq-fixtures.js";

const messages = (dir: string) =>
  loadFaq(dir).problems.map((p) => `${p.file.split("/").pop()}:${p.line}: ${p.severity}: ${p.message}`);

describe("loading the FAQ files", () => {
  it("loads complete topics without problems", () => {
    const result = loadFaq(faqDir({ "a.yaml": topicYaml("a", { related: ["b"] }), "b.yaml": topicYaml("b") }));
    expect(result.problems).toEqual([]);
    expect(result.faq?.topics.map((t) => t.id)).toEqual(["a", "b"]);
    expect(result.faq?.topics[0]?.related).toEqual(["b"]);
  });

  it("reports YAML syntax errors with file and line and refuses the FAQ", () => {
    const dir = faqDir({ "a.yaml": "id: a\ncategory: arrival\nlanguages:\n  de: [unclosed\n" });
    const result = loadFaq(dir);
    expect(result.faq).toBeUndefined();
    expect(messages(dir).some((m) => /^a\.yaml:\d+: error: YAML/.test(m))).toBe(true);
  });

  it("names unknown fields on their own line", () => {
    const dir = faqDir({ "a.yaml": topicYaml("a").replace("category: arrival", "category: arrival\ncolour: blue") });
    expect(messages(dir)).toContain('a.yaml:3: error: unknown field "colour"; check its spelling or remove it');
  });

  it("warns about missing translations and makes them errors only in strict mode", () => {
    const result = loadFaq(faqDir({ "a.yaml": topicYaml("a", { langs: ["de", "en"] }) }));
    expect(result.faq).toBeDefined();
    const warnings = result.problems.filter((p) => p.severity === "warning").map((p) => p.message);
    expect(warnings).toContain("missing translation: ar");
    expect(warnings).toHaveLength(6);
  });

  it("rejects duplicate ids, ids that differ from the file name and related ids that do not exist", () => {
    const dir = faqDir({ "a.yaml": topicYaml("a", { related: ["nope"] }), "b.yaml": topicYaml("a") });
    const all = messages(dir).join("\n");
    expect(all).toMatch(/b\.yaml:1: error: id "a" does not match the file name/);
    expect(all).toMatch(/b\.yaml:1: error: duplicate id "a", also in .*a\.yaml/);
    expect(all).toMatch(/a\.yaml:3: error: related topic "nope" does not exist/);
  });

  it("rejects answers that are too long or carry unsafe markup", () => {
    const dir = faqDir({
      "a.yaml": topicYaml("a", { answer: "x".repeat(1200) }),
      "b.yaml": topicYaml("b", { answer: 'Click <a href="https://evil.example">here</a>' }),
      "c.yaml": topicYaml("c", { answer: "See [this](https://example.org) and **bold" }),
    });
    const all = messages(dir).join("\n");
    expect(all).toMatch(/a\.yaml:\d+: error: de answer has 1200 characters/);
    expect(all).toMatch(/b\.yaml:\d+: error: de answer: HTML tags are not allowed/);
    expect(all).toMatch(/c\.yaml:\d+: error: de answer: Markdown links/);
    expect(all).toMatch(/c\.yaml:\d+: error: de answer: unbalanced \*\*/);
  });

  it("rejects an id too long to travel in a button", () => {
    const id = `a${"-b".repeat(24)}`;
    const dir = faqDir({ [`${id}.yaml`]: topicYaml(id) });
    expect(messages(dir).join("\n")).toMatch(/:1: error: id: at most 48 characters; buttons cannot carry longer ids/);
  });

  it("points a missing required field at the topic", () => {
    const dir = faqDir({ "a.yaml": topicYaml("a").replace("category: arrival\n", "") });
    expect(messages(dir)).toContain('a.yaml:1: error: category: missing; add "category:"');
  });

  it("rejects a category that the categories file does not list", () => {
    const dir = faqDir({ "a.yaml": topicYaml("a").replace("category: arrival", "category: space") });
    expect(messages(dir).join("\n")).toMatch(/a\.yaml:2: error: unknown category "space"/);
  });
});
