'use client';

import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ErrorBanner, Field, Loading } from '@handoff/ui';
import { api } from '../trpc/react';
import { ReportTable } from './report-table';

const day = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function Chart({ title, children }: { title: string; children: React.ReactElement }) {
  return (
    <figure className="panel" aria-label={title}>
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      <div style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer>{children}</ResponsiveContainer>
      </div>
    </figure>
  );
}

/** The team lead's dashboard (issue 18): date range and team filters; every chart has its table and CSV. */
export function ReportsDashboard() {
  const [from, setFrom] = useState(() => isoDate(Date.now() - 28 * day));
  const [to, setTo] = useState(() => isoDate(Date.now() + day));
  const [teamId, setTeamId] = useState('');
  const teams = api.catalog.teams.useQuery();
  const q = api.reports.dashboard.useQuery({
    from: `${from}T00:00:00.000Z`,
    to: `${to}T00:00:00.000Z`,
    teamId: teamId ? Number(teamId) : undefined,
  });
  const d = q.data;
  const weeks = d ? [...new Set(d.slaByTeamWeek.map((r) => r.week))] : [];
  const slaTeams = d ? [...new Set(d.slaByTeamWeek.map((r) => r.team))] : [];
  const slaSeries = weeks.map((week) => ({
    week,
    ...Object.fromEntries(
      (d?.slaByTeamWeek ?? []).filter((r) => r.week === week).map((r) => [r.team, r.metPct]),
    ),
  }));
  return (
    <>
      <h1>Reports</h1>
      <form className="filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
        <Field id="report-from" label="From">
          <input
            id="report-from"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </Field>
        <Field id="report-to" label="To (exclusive)">
          <input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field id="report-team" label="Team">
          <select id="report-team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">All teams</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <ErrorBanner message={q.error?.message} />
      {q.isLoading || !d ? (
        <Loading />
      ) : (
        <>
          <p data-testid="report-summary">
            {d.summary.contacts} contacts · {d.summary.open} open now ·{' '}
            {d.summary.transfersPerIncident ?? '—'} transfers per incident ·{' '}
            {d.summary.movedPct ?? '—'}% moved between teams
          </p>
          <Chart title="Contacts by hour of day">
            <BarChart data={d.contactsByHour}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="hour" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" fill="#4a6fa5" isAnimationActive={false} />
            </BarChart>
          </Chart>
          <ReportTable name="Contacts by hour" rows={d.contactsByHour} />
          <Chart title="Contacts by channel">
            <BarChart data={d.contactsByChannel}>
              <XAxis dataKey="channel" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" fill="#6a8d3a" isAnimationActive={false} />
            </BarChart>
          </Chart>
          <ReportTable name="Contacts by channel" rows={d.contactsByChannel} />
          <ReportTable name="Contacts by team" rows={d.contactsByTeam} />
          <Chart title="SLA met % per team and week (resolution)">
            <LineChart data={slaSeries}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="week" />
              <YAxis domain={[0, 100]} />
              <Tooltip />
              <Legend />
              {slaTeams.map((t, i) => (
                <Line
                  key={t}
                  dataKey={t}
                  stroke={['#4a6fa5', '#b5543c', '#6a8d3a', '#8a5aa8', '#c28a1e', '#3a8d8d'][i % 6]}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </Chart>
          <ReportTable name="SLA met per team and week" rows={d.slaByTeamWeek} />
          <Chart title="Backlog by age">
            <BarChart data={d.backlogByAge}>
              <XAxis dataKey="age" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" fill="#b5543c" isAnimationActive={false} />
            </BarChart>
          </Chart>
          <ReportTable name="Backlog by age" rows={d.backlogByAge} />
          <h2>First response and resolution (business hours)</h2>
          <p data-testid="response-times-rounding">
            Median and p90 of the business time used, each clock rounded first: to a tenth of an
            hour below 10 hours, to the hour below 100 hours, to ten hours beyond.
          </p>
          <ReportTable name="Response times" rows={d.responseTimes} />
          <h2>Promises kept</h2>
          <table aria-label="Promises kept">
            <thead>
              <tr>
                <th>Promise</th>
                <th>Kept</th>
                <th>Broken</th>
                <th>Kept %</th>
              </tr>
            </thead>
            <tbody>
              {d.promises.map((p) => (
                <tr key={p.promise}>
                  <td>{p.promise}</td>
                  <td>{p.kept}</td>
                  <td>{p.broken}</td>
                  <td>{p.keptPct ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ReportTable name="Promises" rows={d.promises} />
          <Chart title="Transfers per incident">
            <BarChart data={d.transfersPerIncident}>
              <XAxis dataKey="transfers" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="incidents" fill="#8a5aa8" isAnimationActive={false} />
            </BarChart>
          </Chart>
          <ReportTable name="Transfers per incident" rows={d.transfersPerIncident} />
          <h2>Routes between teams</h2>
          <ReportTable name="Ping-pong routes" rows={d.pingPong} />
          <ReportTable name="Repeated misroutes by service" rows={d.misroutesByService} />
        </>
      )}
    </>
  );
}
