import { chatCommand } from "./chat-command.js";
import { configCommand } from "./config-command.js";
import { evalCommand } from "./eval-command.js";
import { faqCommand } from "./faq-command.js";
import { type Io, processIo } from "./io.js";
import { matchCommand } from "./match-command.js";
import { startCommand } from "./start-command.js";

const HELP = `lotse — a first-contact bot for newcomers

  lotse chat [--lang xx]              talk to the bot in this terminal (no token needed)
  lotse start                         run the Telegram bot (needs BOT_TOKEN and REDIS_URL)
  lotse match "text" [--lang xx]      show the matcher's decision for one message
  lotse match --jsonl                 match JSON lines from stdin
  lotse faq check [--dir D] [--strict]  validate the FAQ files
  lotse faq export --json [--dir D]   print the FAQ as JSON
  lotse config check [--file F]       validate the city file (districts, postal codes, offices)
  lotse eval [--errors] [--calibrate]  measure the matcher on the labelled evaluation set`;

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  chat: (args, io) => chatCommand(args, io),
  config: configCommand,
  eval: evalCommand,
  faq: faqCommand,
  match: (args, io) => matchCommand(args, io),
  start: (args, io) => startCommand(args, io),
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.out(HELP);
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  try {
    return await command(args, io);
  } catch (error) {
    io.err(`lotse ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
