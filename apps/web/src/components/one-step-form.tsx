'use client';

import { useState, type FormEvent } from 'react';
import {
  assignToCpsReasons,
  oncallMessage,
  technologistGroups,
  type Incident,
  type OneStepName,
} from '@handoff/domain';
import { ErrorBanner, Field } from '@handoff/ui';
import { api } from '../trpc/react';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './field-errors';
import { type Decide } from './route-panel';
import { escalationTeamOf, technologistGroupOf } from './step-prefill';

type Option = { value: string; label: string };
interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'radio';
  options?: Option[];
  numeric?: boolean;
  show?: (values: Record<string, string>) => boolean;
}

const urgencyOptions: Option[] = [
  { value: 'urgent', label: 'Urgent' },
  { value: 'can_wait_until_hdl2', label: 'Can wait until HDL2' },
];

const preferredContactFields: FieldSpec[] = [
  {
    name: 'preferredContact',
    label: 'How should CPS contact the customer?',
    kind: 'radio',
    options: [
      { value: 'phone', label: 'Phone' },
      { value: 'email', label: 'E-mail' },
    ],
  },
  {
    name: 'callbackPhone',
    label: 'Phone CPS calls',
    kind: 'text',
    show: (v) => v.preferredContact === 'phone',
  },
  {
    name: 'contactEmail',
    label: 'E-mail CPS writes to',
    kind: 'text',
    show: (v) => v.preferredContact === 'email',
  },
];

/** The form of each one-step: only the inputs its schema takes. */
function fieldsFor(name: OneStepName, incident: Incident, ctx: Options): FieldSpec[] {
  switch (name) {
    case 'assign_to_cps':
      return [
        {
          name: 'reason',
          label: 'Reason',
          kind: 'select',
          options: assignToCpsReasons.map((r) => ({ value: r.id, label: r.label })),
        },
        {
          name: 'reasonOther',
          label: 'Explain "Other"',
          kind: 'textarea',
          show: (v) => v.reason === 'other',
        },
        ...(incident.channel === 'phone'
          ? [{ name: 'callbackPhone', label: 'Callback phone', kind: 'text' as const }]
          : []),
        // kb 000 "Bomgar Chats": collect the customer's preferred contact before Assign to CPS.
        ...(incident.channel === 'chat' ? preferredContactFields : []),
      ];
    case 'transfer_to_cps':
      return [
        {
          name: 'cpsAgentId',
          label: 'Ready CPS agent',
          kind: 'select',
          numeric: true,
          options: ctx.readyAgents,
        },
      ];
    case 'assign_to_east':
      return [
        { name: 'callerPhone', label: 'Caller phone', kind: 'text' },
        { name: 'urgency', label: 'Urgency', kind: 'radio', options: urgencyOptions },
        { name: 'expectation', label: 'Expectation given to the customer', kind: 'textarea' },
      ];
    case 'page_oncall':
      return [
        {
          name: 'schedule',
          label: 'On-call schedule',
          kind: 'radio',
          options: [
            { value: 'aims', label: 'AIMS' },
            { value: 'gds', label: 'GDS' },
          ],
        },
        {
          name: 'contactId',
          label: 'Who you called',
          kind: 'select',
          numeric: true,
          options: ctx.oncall,
        },
        {
          name: 'result',
          label: 'Result',
          kind: 'radio',
          options: [
            { value: 'answered', label: 'Answered' },
            { value: 'voicemail', label: 'Left a voicemail' },
          ],
        },
        { name: 'callerPhone', label: 'Caller phone', kind: 'text' },
        { name: 'urgency', label: 'Urgency', kind: 'radio', options: urgencyOptions },
        { name: 'expectation', label: 'Expectation given to the customer', kind: 'textarea' },
        {
          name: 'scheduleOverrideReason',
          label: 'Why this schedule (the customer’s program names the other one)',
          kind: 'textarea',
          show: (v) => !!ctx.expectedSchedule && v.schedule !== ctx.expectedSchedule,
        },
      ];
    case 'send_to_hd_es':
      return [
        { name: 'callerEmail', label: 'Customer e-mail', kind: 'text' },
        { name: 'troubleshootingNote', label: 'Troubleshooting done', kind: 'textarea' },
      ];
    case 'escalate_to_technologists':
      return [
        {
          name: 'group',
          label: 'Technologist group',
          kind: 'select',
          options: technologistGroups.map((g) => ({ value: g, label: g })),
        },
        { name: 'peopleAffected', label: 'People affected', kind: 'text', numeric: true },
        { name: 'note', label: 'Why it is mission critical', kind: 'textarea' },
      ];
    case 'escalate_to_team':
      return [
        { name: 'teamId', label: 'Team', kind: 'select', numeric: true, options: ctx.teams },
        { name: 'note', label: 'Why you escalate', kind: 'textarea' },
      ];
    case 'link_to_problem':
      return [
        {
          name: 'problemId',
          label: 'Open problem of this service',
          kind: 'select',
          numeric: true,
          options: ctx.problems,
        },
      ];
    case 'resolve':
      return [
        { name: 'resolutionNote', label: 'Resolution (the customer reads this)', kind: 'textarea' },
      ];
    case 'reopen':
      return [{ name: 'reason', label: 'Why reopen', kind: 'textarea' }];
    case 'request_more_information':
      return [
        {
          name: 'question',
          label: 'Question for the customer (they read it in Help Online)',
          kind: 'textarea',
        },
      ];
    case 'mark_mission_critical':
    case 'handle_normally':
      return [{ name: 'note', label: 'Internal note (optional)', kind: 'textarea' }];
    default:
      return [];
  }
}

interface Options {
  /** The on-call schedule the customer's program names (AIMS → aims, DS → gds), when known. */
  expectedSchedule?: string | undefined;
  readyAgents: Option[];
  oncall: Option[];
  teams: Option[];
  problems: Option[];
}

function defaultsFor(
  name: OneStepName,
  incident: Incident,
  d: Decide | undefined,
  preset: Record<string, string>,
): Record<string, string> {
  const base: Record<string, string> = {
    callerPhone: incident.callerPhone ?? '',
    callbackPhone: incident.callerPhone ?? '',
    callerEmail: incident.callerEmail ?? '',
    contactEmail: incident.callerEmail ?? '',
    urgency: incident.urgency ?? '',
    expectation: incident.expectation ?? '',
    peopleAffected: incident.peopleAffected === null ? '' : String(incident.peopleAffected),
  };
  if (name === 'assign_to_cps') base.reason = d?.decision.assignReason ?? '';
  if (name === 'page_oncall') base.schedule = d?.decision.oncall ?? '';
  if (name === 'escalate_to_technologists') base.group = technologistGroupOf(d?.decision) ?? '';
  return { ...base, ...preset };
}

const mutationKey = {
  assign_to_cps: 'assignToCps',
  transfer_to_cps: 'transferToCps',
  assign_to_east: 'assignToEast',
  page_oncall: 'pageOncall',
  send_to_hd_es: 'sendToHdEs',
  escalate_to_technologists: 'escalateToTechnologists',
  escalate_to_team: 'escalateToTeam',
  take_ownership: 'takeOwnership',
  link_to_problem: 'linkToProblem',
  resolve: 'resolve',
  close: 'close',
  reopen: 'reopen',
  request_more_information: 'requestMoreInformation',
  mark_mission_critical: 'markMissionCritical',
  handle_normally: 'handleNormally',
} as const satisfies Record<OneStepName, string>;

/**
 * Runs one one-step. When it differs from what routing recommends, the agent must say why; the
 * server routes again on the stored facts and answers and journals its decision with the reason.
 */
export function OneStepForm({
  name,
  label,
  incident,
  decide,
  preset = {},
  onDone,
  onCancel,
}: {
  name: OneStepName;
  label: string;
  incident: Incident;
  decide?: Decide;
  preset?: Record<string, string>;
  /** The step ran: its message, and the incident's version after it. */
  onDone: (message: string, version: number) => void;
  onCancel: () => void;
}) {
  const utils = api.useUtils();
  const teams = api.catalog.teams.useQuery(undefined, { enabled: name === 'escalate_to_team' });
  const oncall = api.oncall.list.useQuery(undefined, { enabled: name === 'page_oncall' });
  const problems = api.problem.forService.useQuery(
    { serviceId: incident.serviceId },
    { enabled: name === 'link_to_problem' },
  );
  const [values, setValues] = useState(() => defaultsFor(name, incident, decide, preset));
  // The version the agent started from: a live refetch must not turn a stale step into a fresh one.
  const [startedVersion] = useState(incident.version);
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = api.oneStep[mutationKey[name]].useMutation();
  const recommended = decide?.recommended ?? null;
  // The server routes again when the step runs and applies the same rule (issue 14.2).
  const isOverride = !!decide && (decide.overrides as readonly OneStepName[]).includes(name);
  const options: Options = {
    expectedSchedule: decide?.decision.oncall,
    readyAgents: (decide?.cpsReady ?? []).map((a) => ({ value: String(a.id), label: a.name })),
    oncall: (oncall.data ?? [])
      .filter((c) => c.schedule === values.schedule)
      .map((c) => ({ value: String(c.id), label: `${c.name} · ${c.phone}` })),
    teams: (teams.data ?? []).map((t) => ({ value: String(t.id), label: t.name })),
    problems: (problems.data?.problems ?? []).map((p) => ({
      value: String(p.id),
      label: `${p.number} · ${p.title}${p.outageNumber ? ` · outage ${p.outageNumber} (${p.outageStatus})` : ''}`,
    })),
  };
  const fields = fieldsFor(name, incident, options);
  // Escalate to team opens on the team routing names, once the team list has loaded (until changed).
  const namedTeam = escalationTeamOf(decide?.decision, options.teams);
  if (name === 'escalate_to_team' && values.teamId === undefined && namedTeam)
    setValues((v) => ({ ...v, teamId: namedTeam.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const raw: Record<string, unknown> = {
      incidentId: incident.id,
      expectedVersion: startedVersion,
    };
    for (const f of fields) {
      if (f.show && !f.show(values)) continue;
      const v = values[f.name]?.trim() ?? '';
      if (v !== '') raw[f.name] = f.numeric ? Number(v) : v;
    }
    if (isOverride) raw.routing = { overrideReason };
    // Loaded on submit, so zod is not part of the incident page's first load (issue 16).
    const { oneStepInputSchemas } = await import('@handoff/domain/client-schemas');
    const parsed = oneStepInputSchemas[name].safeParse(raw);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    try {
      // The input was parsed by this step's own schema just above.
      const { version } = await (
        mutation.mutateAsync as (i: unknown) => Promise<{ version: number }>
      )(parsed.data);
      await utils.invalidate();
      onDone(`${label} done.`, version);
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  const set = (k: string) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <h2 style={{ marginTop: 0 }}>{label}</h2>
      <ErrorBanner message={mutation.error?.message} />
      {name === 'page_oncall' ? (
        <div className="panel" aria-label="Tell the on-call technician">
          <strong>Tell the on-call technician (kb 001):</strong>{' '}
          <span data-testid="oncall-message">{oncallMessage(incident, values.callerPhone)}</span>
        </div>
      ) : null}
      {fields
        .filter((f) => !f.show || f.show(values) || errors[f.name])
        .map((f) => {
          const id = `step-${f.name}`;
          return (
            <Field key={f.name} id={id} label={f.label} error={errors[f.name]}>
              {f.kind === 'textarea' ? (
                <textarea id={id} rows={3} value={values[f.name] ?? ''} onChange={set(f.name)} />
              ) : f.kind === 'select' ? (
                <select id={id} value={values[f.name] ?? ''} onChange={set(f.name)}>
                  <option value="">Choose…</option>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.kind === 'radio' ? (
                <div role="radiogroup" aria-label={f.label} id={id}>
                  {f.options?.map((o) => (
                    <label key={o.value} style={{ marginRight: '1rem' }}>
                      <input
                        type="radio"
                        name={id}
                        value={o.value}
                        checked={values[f.name] === o.value}
                        onChange={set(f.name)}
                      />{' '}
                      {o.label}
                    </label>
                  ))}
                </div>
              ) : (
                <input id={id} value={values[f.name] ?? ''} onChange={set(f.name)} />
              )}
            </Field>
          );
        })}
      {name === 'link_to_problem' && problems.data?.problems.length === 0 ? (
        <p className="empty">
          No open problem for this service yet. If it looks like an outage, tell HDQA.
        </p>
      ) : null}
      {isOverride ? (
        <Field
          id="step-overrideReason"
          label={
            recommended
              ? 'Why not the recommended step?'
              : 'Routing recommends no hand-off: why this step?'
          }
          error={errors.overrideReason ?? errors.routing}
        >
          <textarea
            id="step-overrideReason"
            rows={2}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.target.value)}
          />
        </Field>
      ) : null}
      <div className="actions">
        <button className="primary" type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Working…' : `Run ${label}`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
