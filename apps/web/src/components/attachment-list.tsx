import { Time } from '@handoff/ui';

interface Attachment {
  id: number;
  filename: string;
  size: number;
  skippedReason: string | null;
  createdAt: string;
}

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Files attached to a case, each a download link (the route checks who may read the case). */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments">
      {attachments.map((a) => (
        <li key={a.id}>
          {a.skippedReason ? (
            a.filename
          ) : (
            <a href={`/api/attachments/${a.id}`} download={a.filename}>
              {a.filename}
            </a>
          )}{' '}
          <span className="muted">
            {size(a.size)} · <Time at={a.createdAt} />
            {a.skippedReason ? ` · ${a.skippedReason}` : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
