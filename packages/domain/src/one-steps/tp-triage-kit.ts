// What the three Primary TP review one-steps share (kb 004 step 2): they only act on a TP's portal
// case while it is in review, and each says plainly why not otherwise.
import { type TpTriage } from '../incident/schema';
import { type OneStepEnv } from './contract';
import { invalid, type Refusal } from '../change/refusal';

const whyNot: Record<TpTriage, (n: string) => string> = {
  review: (n) => `${n} is in Primary TP review.`,
  info_requested: (n) =>
    `${n} is waiting for the customer's answer to a request for more information.`,
  mission_critical: (n) => `${n} is already marked mission critical.`,
  handled_normally: (n) => `${n} left Primary TP review: it is handled normally by Level 1.`,
  escalated: (n) => `${n} left Primary TP review: it was escalated to technologists.`,
};

/** Refuses unless the incident's TP triage is one of `allowed`. */
export function requireTpTriage(
  { incident }: OneStepEnv,
  allowed: readonly TpTriage[],
): Refusal | null {
  const { number, tpTriage } = incident;
  if (tpTriage === null) return invalid(`${number} is not a Primary Tech Partner case in review.`);
  return allowed.includes(tpTriage) ? null : invalid(whyNot[tpTriage](number));
}
