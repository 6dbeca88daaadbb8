// How a reply named an incident, and who its sender is to it (issue 13): types shared by the
// inbound rules and the sender-trust rules without either importing the other.
import { type Actor } from '../roles';

export type ReplyClaim =
  | { via: 'subject' }
  | {
      via: 'thread';
      /** Whether a Message-ID it names was sent to (or received from) the sender's own address. */
      knowsSender: boolean;
    };

export type ReplySender =
  { kind: 'requester' } | { kind: 'staff'; actor: Actor } | { kind: 'stranger'; reason: string };
