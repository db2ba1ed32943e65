/**
 * A language's word lists for the matcher. Entries are written as people type them; the matcher
 * normalises them exactly like messages (case, diacritics, letter variants), so write natural text.
 *
 * A "phrase" is one or more words. A word ending in `*` matches any word starting with it
 * ("bewusstlos*", "atm*"). A phrase matches when all its words occur in the message close together
 * (within the phrase's length plus three words), in any order, so word order and small fillers do
 * not matter.
 */
export interface Lexicon {
  /** Function words that carry no topic: pronouns, articles, question words, auxiliaries, fillers. */
  stopwords: string[];
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
  };
  /** Frequent words that mark this language against the others (beyond stopwords), for detection. */
  markers: string[];
}
