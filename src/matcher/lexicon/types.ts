/**
 * A language's word lists for the matcher. Entries are written as people type them; the matcher
 * normalises them exactly like messages (case, diacritics, letter variants), so write natural text.
 *
 * A "phrase" is one or more words. A word ending in `*` matches any word starting with it
 * ("bewusstlos*", "atm*"). A phrase matches when all its words occur in the message close together
 * (within the phrase's length plus three words), in any order, so word order and small fillers do
 * not matter. Words joined by "+" must stand side by side instead ("من+سنتين").
 */
export interface Lexicon {
  /** Function words that carry no topic: pronouns, articles, question words, auxiliaries, fillers. */
  stopwords: string[];
  /**
   * Everyday content words that say nothing about which topic is meant, such as "son" and "daughter" in
   * "my son needs a Kita place": neither evidence for a topic (the FAQ's questions mention them here and
   * there) nor unknown words that weaken a match. Not words a topic is about ("child" for child benefit,
   * "wife" or "mother" for family reunification), and not words that are what an out-of-scope question is
   * about ("tomorrow" in a question about the weather).
   */
  generic: string[];
  /** Small talk; a message made only of these (plus stopwords and emoji) is small talk. */
  smalltalk: {
    greeting: string[];
    thanks: string[];
    bye: string[];
    /** "are you a bot / a human?" */
    bot: string[];
    /** ok, good, understood, yes, no. */
    ack: string[];
  };
  /** The user explicitly asks for a human: "talk to a person", "I want staff". */
  askPerson: string[];
  emergency: {
    /** An acute emergency on their own: unconscious, not breathing, suicidal, being attacked, fire now. */
    acute: string[];
    /** Emergency words that are also used when merely asking about services: police, ambulance, fire. */
    weak: string[];
    /** Signs that the message asks for information, not help now: "which number", "how do I call". */
    info: string[];
    /**
     * Figures of speech made of emergency words: "this heat is killing me", "drowning in debt", "my phone
     * died". An emergency phrase inside one of them does not count. Unlike other phrases, their words must
     * come in the written order ("no smoke" must not meet "smoke, and no one answers").
     */
    idioms: string[];
    /**
     * Not now: time long past ("last year", "two years ago") or a supposed case ("if someone stops
     * breathing"). An acute phrase next to one ("a stroke last year, I need a neurologist") counts like a
     * weak word, so a question about it is answered, not alarmed.
     */
    past: string[];
    /**
     * A story that ended well: "now he is fine again", "everything turned out fine", "he was discharged".
     * Only words that say the danger is over, never "calmer" or "seems ok". Counts only after every
     * emergency word of the message and together with a time before now (`earlier` or `past`): "last
     * month my husband had a heart attack … thank God he is fine now" thanks, it does not call for help.
     * A weak word inside one ("the ambulance took him to hospital") belongs to the good end.
     */
    resolved: string[];
    /** A time before now, nearer than `past`: "yesterday", "last week", "last month". */
    earlier: string[];
  };
  /**
   * Matters the FAQ does not cover but whose questions share words with a topic: tax returns, football,
   * buying a car, supermarket opening hours. A message naming one is offered as a choice, never answered
   * outright. Only words that name such a matter, never words a topic's questions use.
   */
  offTopic: string[];
  /** Frequent words that mark this language against the others (beyond stopwords), for detection. */
  markers: string[];
}
