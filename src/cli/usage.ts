/** Usage errors from option checking, in the one error style: the option, what it accepts; no raw zod text. */
import type { z } from "zod";
import { GongkaiError } from "../errors.js";
import { msg } from "./messages.js";

const flagOf = (key: string): string => `--${key.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`;

/** The first problem zod found, as "--option: what is wrong". */
export function usageFromZod(error: z.ZodError): GongkaiError {
  const issue = error.issues[0];
  const key = issue?.path.map(String).join(".") ?? "";
  const accepted = issue && "values" in issue && Array.isArray(issue.values) ? issue.values.map(String).join(", ") : null;
  const message = accepted !== null
    ? msg("badOptionChoice", { option: flagOf(key), choices: accepted })
    : msg("badOptionValue", { option: key ? flagOf(key) : "option", problem: issue?.message ?? "" });
  return new GongkaiError("E_USAGE", message, { hint: msg("seeHelp") });
}
