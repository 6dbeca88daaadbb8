'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  openStatuses,
  type Incident,
  type OneStepName,
  type RoutingAnswers,
} from '@handoff/domain';
import { ErrorBanner, Loading } from '@handoff/ui';
import { api } from '../trpc/react';
import { currentFocus, returnFocus } from './keyboard/use-dialog';
import { openStepEvent, type OpenStepDetail } from './keyboard/open-step-event';
import { ConsultPanel } from './consult-panel';
import { FollowUpChecklist } from './follow-up-checklist';
import { OneStepForm } from './one-step-form';
import { Promises } from './promises';
import { RoutePanel } from './route-panel';
import { stepFormToShow, type OpenStep } from './step-form-to-show';

/** Required fields the incident itself does not hold yet (the step's own inputs are asked in its form). */
function missingFields(required: readonly string[], i: Incident): string[] {
  const held: Record<string, boolean> = {
    callerName: !!i.callerName,
    callerContact: !!(i.callerPhone || i.callerEmail),
    description: !!i.description,
    callbackPhone: !!i.callerPhone,
    callerPhone: !!i.callerPhone,
    urgency: !!i.urgency,
    expectation: !!i.expectation,
    callerEmail: !!i.callerEmail,
  };
  return required.filter((f) => held[f] === false);
}

/**
 * The agent's workbench on an incident: promises with countdowns, the Route panel, and the
 * one-step action bar (recommended step highlighted, unavailable ones disabled with the reason).
 */
export function IncidentWorkbench({
  incident,
  onChanged,
}: {
  incident: Incident;
  onChanged: () => void;
}) {
  const utils = api.useUtils();
  const [active, setActive] = useState<OpenStep | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The version the agent's own last step left the incident at: no step form opens on an older copy.
  const [ranTo, setRanTo] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  // Focus: into the form a person opened, and back to what opened it when the form closes.
  const opener = useRef<HTMLElement | null>(null);
  const formBox = useRef<HTMLDivElement>(null);
  const [focusForm, setFocusForm] = useState(0);
  const open = useCallback((step: NonNullable<typeof active>) => {
    opener.current = currentFocus();
    setActive(step);
    setFocusForm((n) => n + 1);
  }, []);
  const closeForm = (name: OneStepName) =>
    returnFocus(opener.current, () =>
      document.querySelector<HTMLElement>(`[data-step="${name}"]:not([disabled]), .ok-banner`),
    );
  useEffect(() => {
    if (focusForm > 0)
      formBox.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }, [focusForm]);
  // The command palette's "Run the recommended step" opens the form here (it never runs the step).
  useEffect(() => {
    const onOpen = (e: Event) => open((e as CustomEvent<OpenStepDetail>).detail);
    window.addEventListener(openStepEvent, onOpen);
    return () => window.removeEventListener(openStepEvent, onOpen);
  }, [open]);
  const decide = api.routing.decide.useQuery({ incidentId: incident.id });
  // The answers live with the incident (issue 14.11): a reload keeps them, the step routes on them.
  const record = api.routing.answer.useMutation({
    onSuccess: () => void utils.routing.decide.invalidate({ incidentId: incident.id }),
  });
  const isOpen = openStatuses.includes(incident.status);
  const d = decide.data;
  // The recommended step's form opens by itself, prefilled: running it is then one click.
  const recommendedStep =
    isOpen && d?.recommended
      ? d.oneSteps.find((s) => s.name === d.recommended && s.disabledReason === null)
      : undefined;
  const shown = stepFormToShow({
    active,
    recommended: recommendedStep && !dismissed ? recommendedStep : undefined,
    incidentVersion: incident.version,
    ranTo,
  });
  const changeAnswers = (a: RoutingAnswers) => {
    record.mutate({ incidentId: incident.id, answers: a });
    setDismissed(false);
  };

  return (
    <>
      <Promises promises={incident.promises} />
      {done ? (
        <div className="ok-banner" role="status" tabIndex={-1}>
          {done}
        </div>
      ) : null}
      {decide.error ? <ErrorBanner message={decide.error.message} /> : null}
      {record.error ? <ErrorBanner message={record.error.message} /> : null}
      {isOpen && decide.isLoading ? <Loading label="Routing…" /> : null}
      {isOpen && d ? (
        <RoutePanel
          d={d}
          incidentNumber={incident.number}
          answers={d.answers}
          setAnswers={changeAnswers}
          missing={missingFields(d.decision.requiredFields, incident)}
          onFixField={(field) => {
            const step = d.oneSteps.find((s) => s.name === d.recommended);
            if (step) open({ name: step.name, label: step.label });
            // Focus once the form has rendered.
            setTimeout(
              () =>
                document
                  .getElementById(`step-${field === 'callbackPhone' ? 'callbackPhone' : field}`)
                  ?.focus(),
              50,
            );
          }}
        />
      ) : null}
      {d ? (
        <ConsultPanel
          incident={incident}
          outcome={d.decision.outcome}
          onAssignNotAnswered={() =>
            open({
              name: 'assign_to_cps',
              label: 'Assign to CPS',
              preset: { reason: 'chat_not_answered' },
            })
          }
          onSendToEs={() => open({ name: 'send_to_hd_es', label: 'Send to HD ES' })}
          onChanged={onChanged}
        />
      ) : null}
      <FollowUpChecklist incidentId={incident.id} onChanged={onChanged} />
      {d ? (
        <section className="panel" aria-label="One-step actions">
          <div className="action-bar">
            {d.oneSteps.map((s) => (
              <button
                key={s.name}
                data-step={s.name}
                type="button"
                className={s.name === d.recommended ? 'primary recommended' : undefined}
                disabled={s.disabledReason !== null}
                title={
                  s.disabledReason ??
                  (s.name === d.recommended ? 'Recommended by routing' : undefined)
                }
                onClick={() => {
                  setDone(null);
                  open({ name: s.name, label: s.label });
                }}
              >
                {s.label}
              </button>
            ))}
          </div>
        </section>
      ) : null}
      {shown ? (
        <div ref={formBox}>
          <OneStepForm
            // Not keyed by version: a colleague's change refetches the incident and keeps what was typed.
            key={shown.name}
            name={shown.name}
            label={shown.label}
            incident={incident}
            decide={isOpen ? d : undefined}
            preset={active?.preset}
            onCancel={() => {
              setActive(null);
              setDismissed(true);
              closeForm(shown.name);
            }}
            onDone={(message, version) => {
              setActive(null);
              setDone(message);
              setRanTo(version);
              onChanged();
              closeForm(shown.name);
            }}
          />
        </div>
      ) : null}
    </>
  );
}
