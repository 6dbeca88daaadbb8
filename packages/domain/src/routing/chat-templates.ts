// The chat templates as data: zod- and luxon-free, so the consult panel on the incident page pastes
// them without loading the calendar (issue 16 item 3). The chat's deadlines are in ./chat.
import { cpsPhone } from './constants';

/** Stable ids of the chat templates the procedures name (kb 000 for CPS, kb 002 for ES). */
export const chatTemplateIds = [
  'cps-supported-customer',
  'cps-supported-service',
  'cps-busy',
  'es-supported-service',
  'es-busy',
] as const;
export type ChatTemplateId = (typeof chatTemplateIds)[number];

export interface ChatTemplate {
  id: ChatTemplateId;
  /** The template's name as the procedures cite it. */
  name: string;
  text: string;
}

/** The Bomgar chat templates of kb 000, as data the console can paste. */
export const chatTemplates: Readonly<Record<ChatTemplateId, ChatTemplate>> = {
  'cps-supported-customer': {
    id: 'cps-supported-customer',
    name: 'CPS Supported Customer',
    text:
      'As a contract partner customer, you are supported by our Help Desk Contract Partner Support (CPS) team. ' +
      'I have saved your case and am checking whether a CPS agent is available to assist you. Please stay in the chat.',
  },
  'cps-supported-service': {
    id: 'cps-supported-service',
    name: 'CPS Supported Service',
    text:
      'This service is supported by our Help Desk Contract Partner Support (CPS) team. ' +
      'I have saved your case and am checking whether a CPS agent is available to assist you. Please stay in the chat.',
  },
  'cps-busy': {
    id: 'cps-busy',
    name: 'CPS busy',
    text:
      'All Help Desk Contract Partner Support agents are currently assisting other customers. ' +
      'I can assign your case to the CPS team so they follow up with you, or you can call the CPS queue directly at ' +
      `${cpsPhone}. You are also welcome to wait a few more minutes for an agent to become available.`,
  },
  // kb 002 Option 1 Chat: ask the ES channel; with no ES agent in 5 minutes, gather the customer's
  // desired e-mail contact and send the case to the HD ES queue, whose agent replies by e-mail.
  'es-supported-service': {
    id: 'es-supported-service',
    name: 'ES Supported Service',
    text:
      'This service is supported by our Help Desk Enterprise Support (ES) team. ' +
      'I have saved your case and am checking whether an ES agent is available to assist you. Please stay in the chat.',
  },
  'es-busy': {
    id: 'es-busy',
    name: 'ES busy',
    text:
      'No Help Desk Enterprise Support agent is available right now. I will send your case to the Enterprise Support team: ' +
      'an ES agent will take ownership and contact you by e-mail. Which e-mail address should they use?',
  },
};

/** The templates an agent is offered for a chat consulted with `team`'s channel (kb 000, kb 002). */
export const chatTemplatesFor = (
  team: 'cps' | 'es',
): { opening: ChatTemplateId[]; busy: ChatTemplateId } =>
  team === 'es'
    ? { opening: ['es-supported-service'], busy: 'es-busy' }
    : { opening: ['cps-supported-customer', 'cps-supported-service'], busy: 'cps-busy' };
