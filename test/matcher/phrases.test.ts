import { describe, expect, it } from "vitest";
import { normalize, tokenize } from "../../src/matcher/normalize.js";
import { compilePhrases, PhraseSet } from "../../src/matcher/phrases.js";

const finds = (phrases: string[], text: string, arabizi = false) =>
  new PhraseSet(compilePhrases(phrases).map((phrase) => ({ phrase, tag: "t" }))).findAll(
    tokenize(normalize(text)),
    arabizi,
  )[0]?.phrase.source;

describe("lexicon phrases", () => {
  it("match words in any order within a short window", () => {
    expect(finds(["atm* nicht"], "Mein Vater atmet nicht mehr")).toBe("atm* nicht");
    expect(finds(["atm* nicht"], "er hat nicht mehr geatmet")).toBeUndefined();
    expect(finds(["atm* nicht"], "nicht mehr atmen")).toBe("atm* nicht");
  });

  it("are found at every place they occur, each with the words nearest to it", () => {
    const places = new PhraseSet(compilePhrases(["nicht mehr leben"]).map((phrase) => ({ phrase, tag: "t" })))
      .findAll(tokenize(normalize("ich kann nicht mehr. ich will heute nacht nicht mehr leben")))
      .map((hit) => [...hit.at].sort((a, b) => a - b));
    expect(places).toEqual([[8, 9, 10]]);
    const twice = new PhraseSet(compilePhrases(["not breathing"]).map((phrase) => ({ phrase, tag: "t" }))).findAll(
      tokenize(normalize("he is not breathing, she is not breathing")),
    );
    expect(twice.map((hit) => [...hit.at].sort((a, b) => a - b))).toEqual([
      [2, 3],
      [6, 7],
    ]);
  });

  it("meet their words only in their own order when marked ordered", () => {
    const ordered = new PhraseSet(
      compilePhrases(["من سنتين"]).map((phrase) => ({ phrase: { ...phrase, ordered: true }, tag: "t" })),
    );
    const found = (text: string) => ordered.findAll(tokenize(normalize(text))).length;
    expect(found("صار معه هيك من سنتين")).toBe(1);
    // "He is two, he drank from the bottle": the same words, not a time.
    expect(found("ابني عمره سنتين شرب من القنينة")).toBe(0);
    expect(finds(["من سنتين"], "ابني عمره سنتين شرب من القنينة")).toBe("من سنتين");
  });

  it("meet words joined by + only side by side", () => {
    expect(finds(["من+سنتين"], "صار معه هيك من سنتين")).toBe("من+سنتين");
    // "She drank bleach from the bottle, she is two": the same words apart.
    expect(finds(["من+سنتين"], "شربت كلور من القنينة عمرها سنتين")).toBeUndefined();
  });

  it("do not match words far apart", () => {
    expect(finds(["not breathing"], "not sure what to do, my son is very tired and breathing fast")).toBeUndefined();
  });

  it("match prefixes only where the phrase asks for them", () => {
    expect(finds(["bewusstlos*"], "Sie ist BEWUSSTLOS!")).toBe("bewusstlos*");
    expect(finds(["fire"], "I got fired")).toBeUndefined();
  });

  it("see through Arabic conjunctions, prepositions and the article fused onto words", () => {
    expect(finds(["اسعاف"], "بسرعة وبالإسعاف")).toBe("اسعاف");
    expect(finds(["يتنفس"], "ابني لا يتنفس")).toBe("يتنفس");
  });

  it("are normalised like messages, so diacritics and letter variants do not matter", () => {
    expect(finds(["öldürecek"], "beni oldurecek")).toBe("öldürecek");
    expect(finds(["خودکشی"], "فکر خودكشي دارم")).toBe("خودکشی");
  });

  it("meet Arabic and Persian typed in Latin letters by consonant skeleton, in Arabizi messages only", () => {
    expect(finds(["ما يتنفس"], "abouy ma 3am byetnaffas", true)).toBe("ما يتنفس");
    expect(finds(["فکر خودکشی"], "fekre khodkoshi daram", true)).toBe("فکر خودکشی");
    expect(finds(["ما يتنفس"], "abouy ma 3am byetnaffas")).toBeUndefined();
  });

  it("do not meet Latin words by the skeleton of one word alone: 'kif btla3 WBS' (how do I get a WBS) is not ابتلع (swallowed)", () => {
    expect(finds(["ابتلع*"], "kif btla3 WBS?", true)).toBeUndefined();
    expect(finds(["خودکشی"], "fekre khodkoshi daram", true)).toBeUndefined();
  });

  it("do not meet Latin words by short skeletons alone: '3am' is not اغمي (fainted)", () => {
    expect(finds(["اغمي علي*"], "ma 7ada 3am yrod 3alay", true)).toBeUndefined();
  });
});
