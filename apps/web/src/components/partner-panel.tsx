'use client';

import { useState, type FormEvent } from 'react';
import { type Incident, type TicketPhase } from '@handoff/domain';
import { EmptyState, ErrorBanner, Field, Time } from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';
import { serverFieldErrors, type FieldErrors } from './field-errors';
import { OneStepForm } from './one-step-form';

export type PartnerFacts = NonNullable<RouterOutputs['partner']['forIncident']>;

const phaseText: Record<TicketPhase, string> = {
  unclaimed: 'Waiting for a partner agent to claim it',
  with_partner: 'With the partner agent',
  awaiting_tier2: 'Escalated: waiting for a Tier 2 agent to pull it',
  with_tier2: 'With Tier 2',
  done: 'Resolved or closed',
};

type Open = 'escalate' | 'return' | 'resolve' | null;

/**
 * kb 003 on the incident page: who holds the ticket in the partner ↔ Tier 2 ping-pong, the
 * hand-offs with how long each waited, the round trips, and Claim / Pull, Escalate to Tier 2,
 * Return to agent and Resolve (disabled with the reason when they may not run now).
 */
export function PartnerPanel({
  incident,
  facts,
  onChanged,
}: {
  incident: Incident;
  facts: PartnerFacts;
  onChanged: () => void;
}) {
  const utils = api.useUtils();
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const claim = api.partner.claim.useMutation();
  const a = facts.actions;
  // Claim / Pull shows while the ticket waits for someone; it stays clickable so a claimer who lost
  // the race (their page not refreshed yet) hears from the server who has it (kb 003 rule 5).
  const showClaim =
    a.claim.permitted && (facts.phase === 'unclaimed' || facts.phase === 'awaiting_tier2');
  const changed = async (message: string) => {
    setOpen(null);
    setDone(message);
    await utils.invalidate();
    onChanged();
  };

  return (
    <section className="panel" aria-label="Channel partner">
      <h2 style={{ marginTop: 0 }}>Channel-partner ticket</h2>
      <dl className="facts">
        <dt>Organisation</dt>
        <dd>{facts.organisationName}</dd>
        <dt>Partner group</dt>
        <dd>{facts.partnerTeamName}</dd>
        <dt>Partner agent</dt>
        <dd>
          {facts.relationshipAgentName ?? <span className="muted">Nobody has claimed it yet</span>}
        </dd>
        <dt>Where it is</dt>
        <dd data-testid="partner-phase">{phaseText[facts.phase]}</dd>
        <dt>Tier 2</dt>
        <dd data-testid="round-trips">{facts.roundTripsText}</dd>
      </dl>
      {done ? (
        <div className="ok-banner" role="status">
          {done}
        </div>
      ) : null}
      <ErrorBanner message={claim.error?.message} />
      <div className="actions">
        {showClaim ? (
          <button
            type="button"
            className={a.claim.disabledReason ? undefined : 'primary'}
            disabled={claim.isPending}
            title={a.claim.disabledReason ?? undefined}
            onClick={() => {
              setDone(null);
              // Even a disabled-looking claim is sent: the server says who has it, as kb 003 rule 5 wants.
              claim.mutate(
                { incidentId: incident.id },
                {
                  onSuccess: () =>
                    void changed(
                      `${a.claim.label === 'Pull' ? 'Pulled' : 'Claimed'}: ${incident.number} is yours.`,
                    ),
                },
              );
            }}
          >
            {claim.isPending ? 'Claiming…' : a.claim.label}
          </button>
        ) : null}
        {a.escalate.permitted ? (
          <button
            type="button"
            disabled={a.escalate.disabledReason !== null}
            title={a.escalate.disabledReason ?? undefined}
            onClick={() => setOpen('escalate')}
          >
            Escalate to Tier 2
          </button>
        ) : null}
        {a.return.permitted ? (
          <button
            type="button"
            disabled={a.return.disabledReason !== null}
            title={a.return.disabledReason ?? undefined}
            onClick={() => setOpen('return')}
          >
            Return to agent
          </button>
        ) : null}
        {a.resolve.permitted ? (
          <button
            type="button"
            disabled={a.resolve.disabledReason !== null}
            title={a.resolve.disabledReason ?? undefined}
            onClick={() => setOpen('resolve')}
          >
            Resolve
          </button>
        ) : null}
      </div>
      {showClaim && a.claim.disabledReason ? (
        <p className="muted">{a.claim.disabledReason}</p>
      ) : null}
      {open === 'escalate' || open === 'return' ? (
        <HandOffForm
          kind={open}
          incident={incident}
          agentName={facts.relationshipAgentName}
          onCancel={() => setOpen(null)}
          onDone={(m) => void changed(m)}
        />
      ) : null}
      {open === 'resolve' ? (
        <OneStepForm
          name="resolve"
          label="Resolve"
          incident={incident}
          onCancel={() => setOpen(null)}
          onDone={(m) => void changed(m)}
        />
      ) : null}
      <h3>Hand-offs</h3>
      {facts.hops.length === 0 ? (
        <EmptyState>No hand-offs yet.</EmptyState>
      ) : (
        <table aria-label="Hand-offs">
          <thead>
            <tr>
              <th>When</th>
              <th>Hand-off</th>
              <th>By</th>
              <th>To</th>
              <th>Waited before</th>
            </tr>
          </thead>
          <tbody>
            {facts.hops.map((h) => (
              <tr key={h.id}>
                <td>
                  <Time at={h.at} />
                </td>
                <td>{h.label}</td>
                <td>{h.actorName ?? 'e-mail'}</td>
                <td>
                  {h.toTeamName}
                  {h.toAgentName ? <div className="muted">{h.toAgentName}</div> : null}
                </td>
                <td>{h.kind === 'submitted' ? '—' : h.waited}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Escalate to Tier 2 (a private comment is required) or Return to agent (a private comment, unless one was written since the pull). */
function HandOffForm({
  kind,
  incident,
  agentName,
  onCancel,
  onDone,
}: {
  kind: 'escalate' | 'return';
  incident: Incident;
  agentName: string | null;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const escalate = api.partner.escalate.useMutation();
  const back = api.partner.return.useMutation();
  const mutation = kind === 'escalate' ? escalate : back;
  const label = kind === 'escalate' ? 'Escalate to Tier 2' : 'Return to agent';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    const input = {
      incidentId: incident.id,
      expectedVersion: incident.version,
      privateComment: comment,
    };
    try {
      if (kind === 'escalate') await escalate.mutateAsync(input);
      else await back.mutateAsync(input);
      onDone(
        kind === 'escalate'
          ? `Escalated ${incident.number} to Tier 2 Support.`
          : `Returned ${incident.number} to ${agentName ?? 'the partner agent'}.`,
      );
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <h3 style={{ marginTop: 0 }}>{label}</h3>
      <ErrorBanner message={mutation.error?.message} />
      <Field
        id={`${kind}-comment`}
        label="Private comment (the requester never sees it)"
        hint={
          kind === 'escalate'
            ? 'What the requester needs, what you tried, where you are stuck.'
            : `What you found, or what ${agentName ?? 'the agent'} should do next.`
        }
        error={errors.privateComment}
      >
        <textarea
          id={`${kind}-comment`}
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Field>
      <div className="actions">
        <button className="primary" type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Working…' : label}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Comments on a partner ticket: private by default; "Requester can see this comment" (kb 003's own
 * words) only for the partner agent who owns the relationship.
 */
export function PartnerCommentForm({
  incidentId,
  facts,
  onAdded,
}: {
  incidentId: number;
  facts: PartnerFacts;
  onAdded: () => void;
}) {
  const [body, setBody] = useState('');
  const [isPublic, setIsPublic] = useState(false);
  const comment = api.partner.comment.useMutation();
  const publicReason = facts.actions.publicComment.disabledReason;
  const privateReason = facts.actions.privateComment.disabledReason;
  if (!facts.actions.privateComment.permitted) return null;
  if (publicReason && privateReason) return <p className="muted">{privateReason}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    await comment.mutateAsync({ incidentId, body, visibility: isPublic ? 'customer' : 'internal' });
    setBody('');
    setIsPublic(false);
    onAdded();
  }

  return (
    <form onSubmit={(e) => void submit(e).catch(() => undefined)} aria-label="New comment">
      <ErrorBanner message={comment.error?.message} />
      <Field id="partner-comment" label="Add a comment">
        <textarea
          id="partner-comment"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </Field>
      <div className="actions">
        <label title={publicReason ?? undefined}>
          <input
            type="checkbox"
            checked={isPublic}
            disabled={publicReason !== null}
            onChange={(e) => setIsPublic(e.target.checked)}
          />{' '}
          Requester can see this comment
        </label>
        <button type="submit" className="primary" disabled={comment.isPending || !body.trim()}>
          {comment.isPending
            ? 'Adding…'
            : isPublic
              ? 'Send to the requester'
              : 'Add private comment'}
        </button>
      </div>
      {publicReason ? <p className="muted">{publicReason}</p> : null}
    </form>
  );
}
