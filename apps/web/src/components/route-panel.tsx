'use client';

import { useState } from 'react';
import { answerKeyFor, fillScript, type RoutingAnswers } from '@handoff/domain';
import { Time } from '@handoff/ui';
import { type RouterOutputs } from '../trpc/react';
import { promiseLabels } from './promises';
import { LeadershipConsult } from './leadership-consult';

export type Decide = RouterOutputs['routing']['decide'];

export const outcomeLabels: Record<string, string> = {
  ask: 'A question first',
  general_hd: 'General HD keeps it',
  outage: 'Outage: HDQA and SNCC handle it',
  transfer_to_cps: 'Transfer to CPS (live)',
  assign_to_cps: 'Assign to CPS',
  consult_cps_chat: 'Consult the CPS chat channel',
  assign_to_east: 'Assign to EAST',
  page_oncall: 'Page the on-call technician',
  consult_hd_leadership: 'Consult HD leadership',
  es_queue: 'Send to HD ES',
  consult_es_chat: 'Consult the ES chat channel',
  consult_hdqa: 'Ask HDQA whether it is ES-supported',
  escalate_to_team: 'Escalate to the supporting team',
  escalate_to_technologists: 'Escalate to technologists',
};

const fieldLabels: Record<string, string> = {
  callerName: 'caller name',
  callerContact: 'caller phone or e-mail',
  service: 'service',
  description: 'description',
  callbackPhone: 'callback phone',
  assignReason: 'reason',
  assignReasonOther: 'explanation for "Other"',
  callerPhone: 'caller phone',
  urgency: 'urgency',
  expectation: 'expectation given',
  callerEmail: 'customer e-mail',
  troubleshootingNote: 'troubleshooting note',
};
export const requiredFieldLabel = (f: string) => fieldLabels[f] ?? f;

/**
 * Guided routing: asks only the questions the policy returns, one at a time, with the rule and
 * kb reference beside each; then shows the decision, the script with times, promises and trace.
 */
export function RoutePanel({
  d,
  incidentNumber,
  answers,
  setAnswers,
  missing,
  onFixField,
}: {
  d: Decide;
  incidentNumber: string;
  answers: RoutingAnswers;
  setAnswers: (a: RoutingAnswers) => void;
  /** Required fields the incident does not hold yet. */
  missing: string[];
  /** Opens the recommended step's form at that field. */
  onFixField: (field: string) => void;
}) {
  const [computer, setComputer] = useState('');
  const { decision } = d;
  const lastStep = decision.steps.at(-1);
  const answer = (patch: RoutingAnswers) => setAnswers({ ...answers, ...patch });

  return (
    <section className="panel route-panel" aria-label="Route">
      <h2 style={{ marginTop: 0 }}>Route</h2>
      <p className="muted">
        CPS agents ready now:{' '}
        <span className="ready-count" data-testid="cps-ready-count">
          {d.cpsReady.length}
        </span>{' '}
        · routed at <Time at={d.at} />
      </p>
      {decision.outcome === 'ask' && decision.question ? (
        <div role="group" aria-label="Routing question">
          <p className="question">{d.questionPrompt}</p>
          {lastStep ? (
            <p className="muted">
              {lastStep.text} <small>(kb {lastStep.doc})</small>
            </p>
          ) : null}
          {decision.question === 'computerName' ? (
            <div className="actions">
              <input
                aria-label="Computer name answer"
                value={computer}
                onChange={(e) => setComputer(e.target.value)}
                placeholder="e.g. CAE-4411"
              />
              <button
                type="button"
                disabled={!computer.trim()}
                onClick={() => answer({ computerName: computer.trim() })}
              >
                Use this computer
              </button>
              <button type="button" onClick={() => answer({ computerName: null })}>
                No departmental computer
              </button>
            </div>
          ) : (
            <div className="actions">
              {/* Each question fills its own answer (confirmDepartment → contractDepartment). */}
              <button
                type="button"
                onClick={() => answer({ [answerKeyFor[decision.question!]]: true })}
              >
                Yes
              </button>
              <button
                type="button"
                onClick={() => answer({ [answerKeyFor[decision.question!]]: false })}
              >
                No
              </button>
            </div>
          )}
        </div>
      ) : (
        <div aria-label="Routing decision" role="group">
          <p className="question" data-testid="routing-outcome">
            {d.settled ? 'Routed: ' : ''}
            {outcomeLabels[decision.outcome] ?? decision.outcome}
          </p>
          {d.settled ? (
            <p className="muted">
              The decision the one-step acted on, as journaled; its promises are the incident’s.
            </p>
          ) : null}
          {decision.outcome === 'outage' && lastStep ? (
            <p data-testid="routing-outage">
              {lastStep.text} <small>(kb {lastStep.doc})</small>
            </p>
          ) : null}
          {decision.outcome === 'consult_hd_leadership' ? (
            <LeadershipConsult incidentNumber={incidentNumber} />
          ) : null}
          {decision.outcome === 'consult_hdqa' ? (
            <div className="actions">
              <span>HDQA says the service is ES-supported:</span>
              <button type="button" onClick={() => answer({ esSupported: true })}>
                Yes
              </button>
              <button type="button" onClick={() => answer({ esSupported: false })}>
                No
              </button>
            </div>
          ) : null}
          {decision.script ? (
            <div className="script" data-testid="routing-script">
              {fillScript(decision.script, { incidentNumber })}
            </div>
          ) : null}
          {decision.promises && Object.keys(decision.promises).length ? (
            <ul>
              {Object.entries(decision.promises).map(([k, v]) =>
                v ? (
                  <li key={k}>
                    {promiseLabels[k] ?? k} <Time at={v} />
                  </li>
                ) : null,
              )}
            </ul>
          ) : null}
          {decision.requiredFields.length ? (
            <p className="muted">
              The one-step needs: {decision.requiredFields.map(requiredFieldLabel).join(', ')}.
            </p>
          ) : null}
          {missing.length ? (
            <p data-testid="missing-fields">
              Still missing:{' '}
              {missing.map((f, i) => (
                <span key={f}>
                  {i ? ', ' : ''}
                  <a
                    href={`#step-${f}`}
                    onClick={(e) => {
                      e.preventDefault();
                      onFixField(f);
                    }}
                  >
                    {requiredFieldLabel(f)}
                  </a>
                </span>
              ))}
            </p>
          ) : null}
        </div>
      )}
      {d.settled ? null : (
        <div className="actions">
          <label>
            <input
              type="checkbox"
              checked={answers.outage ?? false}
              onChange={(e) => answer({ outage: e.target.checked || undefined })}
            />{' '}
            About a potential outage
          </label>
          <label>
            <input
              type="checkbox"
              checked={answers.suspectedEnterprise ?? false}
              onChange={(e) =>
                answer({
                  suspectedEnterprise: e.target.checked || undefined,
                  esSupported: undefined,
                })
              }
            />{' '}
            May be ES-supported
          </label>
          <label>
            <input
              type="checkbox"
              checked={answers.indicatesContractPartner ?? false}
              onChange={(e) => answer({ indicatesContractPartner: e.target.checked || undefined })}
            />{' '}
            Says they are a contract partner
          </label>
          {Object.keys(answers).length ? (
            <button type="button" onClick={() => setAnswers({})}>
              Start over
            </button>
          ) : null}
        </div>
      )}
      <details>
        <summary>Why (the trace)</summary>
        <ol className="trace" aria-label="Routing trace">
          {decision.steps.map((s, i) => (
            <li key={i}>
              <code>{s.rule}</code> — {s.answer}: {s.text}{' '}
              <small className="muted">(kb {s.doc})</small>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
