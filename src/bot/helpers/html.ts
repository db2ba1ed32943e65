/** How the bot sends its HTML texts. Answers carry links; previews would bury the text under a picture of some web page. */
export const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;
