import { type CalendarContext } from '../../calendar';
import { type KbDoc } from '../constants';
import { type RoutingContext } from '../routing-context';
import { routingQuestionPrompts } from '../questions';
import { type ContactFacts, type RoutingDecision, type RoutingQuestion } from '../schemas';

/** A rule's decision, before required fields and the trace are attached. */
export type Verdict = Omit<RoutingDecision, 'requiredFields' | 'steps'>;

/** Records one consulted rule in the trace under the rule group's kb doc. */
export type Note = (rule: string, answer: string, text: string) => void;

/** What every rule reads: the facts, the resolved context and the trace. */
export interface RuleEnv {
  facts: ContactFacts;
  calendar: CalendarContext;
  /** The General Help Desk's calendar (its hours decide kb 001's "General Help Desk is open"). */
  generalHdCalendar: CalendarContext;
  departments: RoutingContext['departments'];
  noteFor: (doc: KbDoc) => Note;
}

/** Why a contact is CPS-supported; it picks the chat template and the Assign to CPS reason. */
export type CpsBasis = 'pick5' | 'coned-pick2' | 'work-related' | 'departmental-computer';

/** An `ask` verdict whose script is the question in the procedure's words. */
export const ask = (question: RoutingQuestion): Verdict => ({
  outcome: 'ask',
  question,
  script: routingQuestionPrompts[question],
});
