import { type ContactFacts, type RoutingQuestion } from './schemas';

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

/** An answer to one routing question; the computer name is `null` for a personal device. */
export type RoutingAnswer =
  | { question: 'computerName'; value: string | null }
  | { question: Exclude<RoutingQuestion, 'computerName'>; value: boolean };

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
