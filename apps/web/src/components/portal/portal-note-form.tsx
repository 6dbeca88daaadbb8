'use client';

import { useState, type FormEvent } from 'react';
import { customerNoteSchema } from '@handoff/domain';
import { ErrorBanner, Field } from '@handoff/ui';
import { api } from '../../trpc/react';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from '../field-errors';

/** A customer's note on their case; while the Help Desk waits for an answer it is that answer. */
export function PortalNoteForm({
  incidentId,
  answering,
  askPeopleAffected,
  onAdded,
}: {
  incidentId: number;
  answering: boolean;
  askPeopleAffected: boolean;
  onAdded: () => void;
}) {
  const [body, setBody] = useState('');
  const [people, setPeople] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState<string | null>(null);
  const add = api.case.addNote.useMutation();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = customerNoteSchema.safeParse({
      incidentId,
      body,
      peopleAffected: people.trim() === '' ? undefined : Number(people),
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    try {
      const result = await add.mutateAsync(parsed.data);
      setBody('');
      setPeople('');
      setSent(
        result.answered
          ? 'Thank you: your answer went to the Help Desk.'
          : 'Your note was added and the Help Desk was told.',
      );
      onAdded();
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={answering ? 'Answer' : 'New note'}
    >
      <ErrorBanner message={add.error?.message} />
      {sent ? (
        <div className="ok-banner" role="status">
          {sent}
        </div>
      ) : null}
      <Field id="note" label={answering ? 'Your answer' : 'Add a note'} error={errors.body}>
        <textarea id="note" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      {askPeopleAffected ? (
        <Field
          id="note-peopleAffected"
          label="How many people are affected?"
          error={errors.peopleAffected}
        >
          <input
            id="note-peopleAffected"
            type="number"
            min={1}
            inputMode="numeric"
            value={people}
            onChange={(e) => setPeople(e.target.value)}
          />
        </Field>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={add.isPending}>
          {add.isPending ? 'Sending…' : answering ? 'Send answer' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
