'use client';

import {
  chatTemplates,
  chatTemplatesFor,
  type ChatTemplateId,
  type Incident,
} from '@handoff/domain';
import { ErrorBanner, Time } from '@handoff/ui';
import { api } from '../trpc/react';

const promptText = {
  send_cps_busy:
    'No CPS agent has answered in 5 minutes: send the customer the "CPS busy" template.',
  assign_to_cps_not_answered:
    'No CPS agent has answered in 10 minutes: collect the preferred contact and Assign to CPS.',
  send_to_hd_es: 'No ES agent has answered in 5 minutes: Send to HD ES.',
} as const;

/**
 * Chat consults (kb 000, 002): open one to the CPS or ES channel, then follow the server's
 * deadlines: the 5-minute and 10-minute prompts come from stored times, not a browser timer.
 */
export function ConsultPanel({
  incident,
  outcome,
  onAssignNotAnswered,
  onSendToEs,
  onChanged,
}: {
  incident: Incident;
  outcome: string;
  onAssignNotAnswered: () => void;
  onSendToEs: () => void;
  onChanged: () => void;
}) {
  const utils = api.useUtils();
  const state = api.consult.forIncident.useQuery({ incidentId: incident.id });
  const open = api.consult.open.useMutation({ onSuccess: () => void utils.consult.invalidate() });
  const send = api.consult.sendTemplate.useMutation({
    onSuccess: () => {
      void utils.consult.invalidate();
      onChanged();
    },
  });
  const consult = state.data?.consult ?? null;
  const prompt = state.data?.prompt ?? null;
  const wantsConsult = outcome === 'consult_cps_chat' || outcome === 'consult_es_chat';
  const team = consult?.team ?? (outcome === 'consult_es_chat' ? 'es' : 'cps');
  // kb 000 for CPS, kb 002 for ES: an ES chat is never offered the CPS templates.
  const templates = chatTemplatesFor(team);
  if (!wantsConsult && !consult && incident.channel !== 'chat') return null;
  const sendTemplate = (templateId: ChatTemplateId) =>
    send.mutate({ incidentId: incident.id, templateId });

  return (
    <section className="panel" aria-label="Chat consult">
      <h2 style={{ marginTop: 0 }}>Chat</h2>
      <ErrorBanner message={open.error?.message ?? send.error?.message} />
      {incident.channel === 'chat' ? (
        <div className="actions">
          {templates.opening.map((id) => (
            <button
              key={id}
              type="button"
              onClick={() => sendTemplate(id)}
              disabled={send.isPending}
            >
              Send “{chatTemplates[id].name}”
            </button>
          ))}
        </div>
      ) : null}
      {consult && consult.status === 'open' ? (
        <p data-testid="consult-status">
          Waiting for {consult.team === 'cps' ? 'a CPS' : 'an ES'} agent since{' '}
          <Time at={consult.openedAt} />.
        </p>
      ) : consult && consult.status === 'accepted' ? (
        <p data-testid="consult-status">Consult accepted.</p>
      ) : wantsConsult ? (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={open.isPending}
            onClick={() => open.mutate({ incidentId: incident.id, team })}
          >
            {team === 'cps' ? 'Consult the CPS chat channel' : 'Consult the ES chat channel'}
          </button>
        </div>
      ) : null}
      {prompt ? (
        <div className="error-banner" data-testid="consult-prompt">
          <p style={{ margin: 0 }}>{promptText[prompt.kind]}</p>
          <div className="actions">
            {prompt.kind === 'send_cps_busy' ? (
              <button
                type="button"
                className="primary"
                onClick={() => sendTemplate(templates.busy)}
                disabled={send.isPending}
              >
                Send “{chatTemplates[templates.busy].name}”
              </button>
            ) : prompt.kind === 'assign_to_cps_not_answered' ? (
              <button type="button" className="primary" onClick={onAssignNotAnswered}>
                Assign to CPS (chat not answered)
              </button>
            ) : (
              <>
                <button
                  type="button"
                  onClick={() => sendTemplate(templates.busy)}
                  disabled={send.isPending}
                >
                  Send “{chatTemplates[templates.busy].name}”
                </button>
                <button type="button" className="primary" onClick={onSendToEs}>
                  Send to HD ES
                </button>
              </>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
