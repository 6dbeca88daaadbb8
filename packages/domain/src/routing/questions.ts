import { type RoutingAnswers } from './contact-facts';
import { type ContactChannel, type ContactFacts, type RoutingQuestion } from './schemas';

/** What the agent asks (or checks) for each question, in the procedures' words (kb 000, 001, 004). */
export const routingQuestionPrompts: Readonly<Record<RoutingQuestion, string>> = {
  confirmDepartment:
    'Which department are you with? (Check it against the List of DoIT Departmental Support Contract Customers.)',
  workRelated: 'Are you calling in for support for something related to work?',
  computerName: 'What is the computer number of the computer you are using?',
  criticalWorkStoppage:
    'Is this issue causing a critical work stoppage that cannot wait until the next business day?',
  missionCritical: 'Does this situation impact more than one person?',
};

// kb 000 words the work question for a caller; a written contact is asked (or read) in its own terms.
const writtenWorkRelated = (how: string) =>
  `Is this ${how} about support for something related to work? (Check the message; ask the customer if it does not say.)`;
const promptsByChannel: Readonly<
  Partial<Record<ContactChannel, Partial<Record<RoutingQuestion, string>>>>
> = {
  email: { workRelated: writtenWorkRelated('e-mail') },
  portal: { workRelated: writtenWorkRelated('case') },
  auto: { workRelated: writtenWorkRelated('case') },
  chat: { workRelated: 'Are you contacting us for support for something related to work?' },
};

/** The question as the agent puts it on this channel: only a phone caller is asked "Are you calling in…". */
export const routingQuestionPrompt = (question: RoutingQuestion, channel: ContactChannel): string =>
  promptsByChannel[channel]?.[question] ?? routingQuestionPrompts[question];

/** The recorded answer each question fills (the Route panel's Yes / No land here). */
export const answerKeyFor: Readonly<Record<RoutingQuestion, keyof RoutingAnswers>> = {
  confirmDepartment: 'contractDepartment',
  workRelated: 'workRelated',
  computerName: 'computerName',
  criticalWorkStoppage: 'criticalWorkStoppage',
  missionCritical: 'missionCritical',
};

/** An answer to one routing question; the computer name is `null` for a personal device. */
export type RoutingAnswer =
  | { question: 'computerName'; value: string | null }
  | { question: Exclude<RoutingQuestion, 'computerName'>; value: boolean };

/** The recorded answers with one more question answered, under the key `contactFactsFor` reads. */
export const recordAnswer = (answers: RoutingAnswers, answer: RoutingAnswer): RoutingAnswers => ({
  ...answers,
  [answerKeyFor[answer.question]]: answer.value,
});

/** Whether the fact a question fills is still absent, i.e. the question is still open. */
export function isQuestionOpen(facts: ContactFacts, question: RoutingQuestion): boolean {
  switch (question) {
    case 'confirmDepartment':
      return facts.customer.contractDepartment === undefined;
    case 'computerName':
      return facts.computerName === undefined;
    default:
      return facts[question] === undefined;
  }
}

/** The facts with one question answered; pure, so the console can re-route after every answer. */
export function answerQuestion(facts: ContactFacts, answer: RoutingAnswer): ContactFacts {
  if (answer.question === 'confirmDepartment') {
    return { ...facts, customer: { ...facts.customer, contractDepartment: answer.value } };
  }
  return { ...facts, [answer.question]: answer.value };
}
