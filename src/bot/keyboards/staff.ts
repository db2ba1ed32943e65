import { InlineKeyboard } from "grammy";
import type { Ticket } from "../../handoff/model.js";
import { staffCallback } from "../callback-data.js";
import type { StaffTranslate } from "../i18n.js";

/** Under a ticket in the staff group: claim and close while it is open, its final state afterwards. */
export function createStaffTicketKeyboard(ticket: Ticket, st: StaffTranslate): InlineKeyboard {
  const n = ticket.number;
  if (ticket.status === "closed" || ticket.status === "withdrawn") {
    const label = st(ticket.status === "closed" ? "buttons.closed" : "buttons.withdrawn");
    return InlineKeyboard.from([[InlineKeyboard.text(label, staffCallback.build({ action: "done", ticket: n }))]]);
  }
  const claim = ticket.claimedBy ? st("buttons.claimedBy", { name: ticket.claimedBy }) : st("buttons.claim");
  return InlineKeyboard.from([
    [
      InlineKeyboard.text(claim, staffCallback.build({ action: "claim", ticket: n })),
      InlineKeyboard.text(st("buttons.close"), staffCallback.build({ action: "close", ticket: n })),
    ],
  ]);
}
