'use client';

import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field, Loading } from '@handoff/ui';
import { api, type RouterOutputs } from '../../trpc/react';
import { serverFieldErrors, type FieldErrors } from '../field-errors';

type Template = RouterOutputs['mail']['templates'][number];

function TemplateForm({ template }: { template: Template }) {
  const utils = api.useUtils();
  const [subject, setSubject] = useState(template.current.subject);
  const [body, setBody] = useState(template.current.body);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const save = api.mail.saveTemplate.useMutation({
    onSuccess: () => void utils.mail.templates.invalidate(),
  });
  const reset = api.mail.resetTemplate.useMutation({
    onSuccess: async () => {
      await utils.mail.templates.invalidate();
      setSubject(template.subject);
      setBody(template.body);
      setErrors({});
      setSaved('Back to the shipped wording.');
    },
  });
  const id = `template-${template.key}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    try {
      await save.mutateAsync({ key: template.key, subject, body });
      setErrors({});
      setSaved('Saved: the next message uses it.');
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  return (
    <form
      className="panel"
      aria-label={`Template ${template.label}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 style={{ marginTop: 0 }}>
        {template.label}{' '}
        {template.updatedAt ? (
          <span className="badge badge-blue">Edited</span>
        ) : (
          <span className="badge badge-neutral">Shipped</span>
        )}
      </h3>
      <p className="muted">{template.when}</p>
      {saved ? (
        <div className="ok-banner" role="status">
          {saved}
        </div>
      ) : null}
      <ErrorBanner
        message={
          save.error && Object.keys(errors).length === 0 ? save.error.message : reset.error?.message
        }
      />
      <Field
        id={`${id}-subject`}
        label="Subject"
        error={errors.subject}
        hint="The [INC-…] tag is added to every incident message."
      >
        <input id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} />
      </Field>
      <Field id={`${id}-body`} label="Message" error={errors.body}>
        <textarea
          id={`${id}-body`}
          rows={7}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </Field>
      <p className="muted">Placeholders: {template.variables.map((v) => `{{${v}}}`).join(' ')}</p>
      <div className="actions">
        <button className="primary" type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save template'}
        </button>
        {template.updatedAt ? (
          <button
            type="button"
            disabled={reset.isPending}
            onClick={() => {
              if (
                window.confirm(
                  `Discard your wording of “${template.label}” and use the shipped one?`,
                )
              )
                reset.mutate({ key: template.key });
            }}
          >
            Reset to shipped wording
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The notification templates, each editable with the incident's fields as placeholders. */
export function TemplateEditor() {
  const q = api.mail.templates.useQuery();
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorBanner message={q.error.message} />;
  // Keyed by the saved time so a save or reset elsewhere shows the stored text.
  return (
    <>
      {q.data?.map((t) => (
        <TemplateForm key={`${t.key}-${t.updatedAt ?? 'shipped'}`} template={t} />
      ))}
    </>
  );
}
