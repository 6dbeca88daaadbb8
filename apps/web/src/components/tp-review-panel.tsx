import { Badge } from '@handoff/ui';
import { type RouterOutputs } from '../trpc/react';

type Review = NonNullable<
  Extract<RouterOutputs['incident']['byNumber'], { audience: 'staff' }>['tpReview']
>;

const stateLabels: Record<string, string> = {
  review: 'In review',
  info_requested: 'Waiting for the customer’s answer',
  mission_critical: 'Mission critical: escalate to technologists',
  handled_normally: 'Handled normally by Level 1',
  escalated: 'Escalated to technologists',
};

/** A Primary TP's portal case on the incident page: where the review stands and what it still lacks (kb 004). */
export function TpReviewPanel({ review }: { review: Review }) {
  return (
    <section className="panel" aria-label="Primary TP review">
      <h2 style={{ marginTop: 0 }}>
        Primary TP review{' '}
        <Badge
          tone={
            review.state === 'mission_critical' || review.state === 'escalated' ? 'red' : 'amber'
          }
        >
          {stateLabels[review.state ?? ''] ?? review.state}
        </Badge>
      </h2>
      <ul className="checklist" aria-label="Completeness">
        {review.checks.map((c) => (
          <li key={c.item} className={c.ok ? undefined : 'missing'}>
            {c.text}
          </li>
        ))}
      </ul>
      <p className="muted">{review.scope.text}</p>
    </section>
  );
}
