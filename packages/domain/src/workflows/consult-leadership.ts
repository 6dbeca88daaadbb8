// kb 001: "If you are unsure what to do, reach out to HD leadership … They will provide you with
// additional guidance." The Route panel names the contacts administrators keep, and the agent
// journals whom they reached and what they were told (issue 14 item 8).
import '../zod-config';
import { z } from 'zod';
import { type Effects } from '../change/effects';
import { DomainError } from '../errors';
import { type PartnerScope } from '../incident/access';
import { addNoteEffects } from '../incident/add-note';
import { incidentNumberSchema, type Incident } from '../incident/schema';
import { type Actor } from '../roles';

export const consultLeadershipSchema = z.object({
  incidentNumber: incidentNumberSchema,
  guidance: z
    .string({ error: 'Write what HD leadership advised' })
    .trim()
    .min(1, 'Write what HD leadership advised')
    .max(2000, 'At most 2,000 characters'),
});

export interface LeadershipContact {
  name: string;
  contact: string;
}

/** The journal line of a consult: whom the agent could reach (kb 001) and the guidance given. */
export const leadershipConsultText = (contacts: readonly LeadershipContact[], guidance: string) =>
  `Consulted HD leadership (kb 001; ${contacts.map((c) => `${c.name}, ${c.contact}`).join('; ')}): ${guidance}`;

/** An internal journal entry recording the consult; refused while no contact is kept. */
export function consultLeadershipEffects(args: {
  incident: Incident;
  actor: Actor;
  partnerScope: PartnerScope;
  contacts: readonly LeadershipContact[];
  guidance: string;
  now: string;
}): Effects {
  if (args.contacts.length === 0)
    throw new DomainError(
      'VALIDATION',
      'No HD leadership contacts are kept yet: an administrator adds them on /admin.',
    );
  return addNoteEffects({
    ...args,
    body: leadershipConsultText(args.contacts, args.guidance),
    visibility: 'internal',
    mail: [],
  });
}
