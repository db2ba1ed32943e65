import type { Translate } from "../i18n.js";

/**
 * A reply of a bot that is unsure what the message means (a question back, "nothing fits") with the
 * emergency numbers in one line: an emergency told in words the lists do not know most often fits no topic
 * either, and the line costs less than a missed alarm.
 */
export function withEmergencyHint(t: Translate, text: string): string {
  return `${text}\n${t("emergency.hint")}`;
}
