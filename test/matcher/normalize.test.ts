import { describe, expect, it } from "vitest";
import {
  arabicCores,
  arabicVariants,
  arabiziLatin,
  arabiziSkeleton,
  cyrillicFromLatin,
  normalize,
  tokenize,
} from "../../src/matcher/normalize.js";

const words = (text: string) => tokenize(normalize(text));

describe("normalisation", () => {
  it("lets German umlauts, their ae/oe/ue spellings and plain vowels meet", () => {
    expect(words("Bürgeramt Buergeramt Burgeramt")).toEqual(["burgeramt", "burgeramt", "burgeramt"]);
    expect(words("Straße Strasse")).toEqual(["strasse", "strasse"]);
    expect(words("Wohnungsgeberbestätigung")).toEqual(words("Wohnungsgeberbestaetigung"));
  });

  it("folds Turkish dotted and dotless i and Turkish letters typed without marks", () => {
    expect(words("İKAMET ikamet Işık ışık isik")).toEqual(["ikamet", "ikamet", "isik", "isik", "isik"]);
    expect(words("başvuru basvuru")).toEqual(["basvuru", "basvuru"]);
  });

  it("matches Kurmanji letters typed without marks", () => {
    expect(words("çawa cawa, qeyd bûn qeyd bun, dixwazim")).toEqual([
      "cawa",
      "cawa",
      "qeyd",
      "bun",
      "qeyd",
      "bun",
      "dixwazim",
    ]);
    expect(words("Êş")).toEqual(words("es"));
  });

  it("folds Arabic alef and hamza variants, ta marbuta, alef maqsura, tatweel and harakat", () => {
    expect(words("أين إقامة آخر")).toEqual(words("اين اقامه اخر"));
    expect(words("مستشفى")).toEqual(words("مستشفي"));
    expect(words("مـــدرســة")).toEqual(words("مدرسه"));
    expect(words("مَدْرَسَةٌ")).toEqual(words("مدرسة"));
  });

  it("treats Persian and Arabic yeh and kaf as the same letters and joins words split by ZWNJ", () => {
    expect(words("کجا یک")).toEqual(words("كجا يك"));
    expect(words("ثبت‌نام")).toEqual(words("ثبتنام"));
  });

  it("treats Cyrillic ё as е and turns Persian and Arabic digits into ASCII", () => {
    expect(words("ещё")).toEqual(words("еще"));
    expect(words("۱۱۲ ١١٠")).toEqual(["112", "110"]);
  });

  it("reads a letter typed three or more times for feeling as one", () => {
    expect(words("HELPPPP pleaaase الحقوووني")).toEqual(["help", "please", ...words("الحقوني")]);
    expect(words("Schifffahrt")).toEqual(["schifahrt"]);
  });

  it("writes spoken Turkish present forms out in full", () => {
    expect(words("kan geliyo durmuyo, bilmiyom")).toEqual(words("kan geliyor durmuyor, bilmiyorum"));
    expect(words("Mario yoyo")).toEqual(["mario", "yoyo"]);
  });

  it("splits on punctuation and keeps markup characters out of words", () => {
    expect(words("<b>Anmeldung</b>, **wo**?!")).toEqual(["b", "anmeldung", "b", "wo"]);
  });
});

describe("spoken forms of Arabic-script words", () => {
  const variants = (text: string) => arabicVariants(words(text)[0] ?? "");

  it("offers the word without a possessive or plural ending", () => {
    expect(variants("بنتي")).toContain(words("بنت")[0]);
    expect(variants("دخترم")).toContain(words("دختر")[0]);
    expect(variants("کلاس‌ها")).toContain(words("کلاس")[0]);
  });

  it("offers the word without the Levantine present-tense b- and without ع fused with the article", () => {
    expect(variants("بيساعد")).toContain(words("يساعد")[0]);
    expect(variants("عالمدرسة")).toContain(words("مدرسة")[0]);
  });

  it("offers the written Persian form of colloquial ون", () => {
    expect(variants("خونه")).toContain(words("خانه")[0]);
  });

  it("offers a verb without the future fused onto it (standard س, Egyptian ه)", () => {
    expect(arabicCores(words("سأنهي")[0] ?? "")).toContain(words("انهي")[0]);
    expect(arabicCores(words("هيموت")[0] ?? "")).toContain(words("يموت")[0]);
  });

  it("keeps short words whole, so that a root letter is not taken for an ending", () => {
    expect(variants("بيت")).toEqual([]);
  });
});

describe("Arabizi skeletons", () => {
  const skeleton = (word: string) =>
    arabiziSkeleton(/\d/.test(word) || /^[a-z]+$/.test(word) ? arabiziLatin(word) : word);

  it("lets Arabic typed in Latin letters with digits meet the Arabic word", () => {
    expect(skeleton("3nwani")).toBe(skeleton("عنواني"));
    expect(skeleton("tasjil")).toBe(skeleton("تسجيل"));
    expect(skeleton("bsajel")).toBe(skeleton("بسجل"));
    expect(skeleton("sayeq")).toBe(skeleton("سايق"));
    expect(skeleton("shoghl")).toBe(skeleton("شغل"));
  });

  it("ignores the article on both sides", () => {
    expect(skeleton("el3nwan")).toBe(skeleton("العنوان"));
  });

  it("types Russian and Ukrainian written in Latin letters back in Cyrillic", () => {
    expect(cyrillicFromLatin("pomogite", "ru")).toBe(normalize("помогите"));
    expect(cyrillicFromLatin("dyshit", "ru")).toBe(normalize("дышит"));
    expect(cyrillicFromLatin("moy", "ru")).toBe(normalize("мой"));
    expect(cyrillicFromLatin("pozhezha", "uk")).toBe(normalize("пожежа"));
    expect(cyrillicFromLatin("kindergeld2", "ru")).toBeUndefined();
  });

  it("reads the official Ukrainian transliteration and Russian reflexive endings back in Cyrillic", () => {
    expect(cyrillicFromLatin("zahubyvsia", "uk")).toBe(normalize("загубився"));
    expect(cyrillicFromLatin("pidtrymuiu", "uk")).toBe(normalize("підтримую"));
    expect(cyrillicFromLatin("lomyatsya", "ru")).toBe(normalize("ломятся"));
  });
});
