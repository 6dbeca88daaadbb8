import { type ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'purple' | 'red' | 'blue' | 'green' | 'amber';

export function Badge({
  tone = 'neutral',
  title,
  children,
}: {
  tone?: BadgeTone;
  title?: string;
  children: ReactNode;
}) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

/** The routing flags of a customer, as agents know them from Cherwell: cone, AIMS/DS link, Primary TP. */
export function CustomerFlags({
  coned,
  program,
  primaryTechPartner,
}: {
  coned?: boolean | null;
  program?: 'aims' | 'ds' | null;
  primaryTechPartner?: boolean | null;
}) {
  return (
    <span className="flags">
      {coned ? (
        <Badge tone="amber" title="Contract partner customer (coned)">
          Coned
        </Badge>
      ) : null}
      {program ? (
        <Badge
          tone="blue"
          title={program === 'aims' ? 'Former AIMS contract partner' : 'Departmental Support (GDS)'}
        >
          {program.toUpperCase()}
        </Badge>
      ) : null}
      {primaryTechPartner ? (
        <Badge tone="green" title="Primary Tech Partner">
          Primary TP
        </Badge>
      ) : null}
    </span>
  );
}

/** PICK 5 (purple): CPS-supported service; PICK 2 (red): ES-supported service. */
export function ServiceBanner({ banner }: { banner?: 'pick5' | 'pick2' | null }) {
  if (banner === 'pick5')
    return (
      <Badge tone="purple" title="PICK 5: CPS-supported service">
        PICK 5
      </Badge>
    );
  if (banner === 'pick2')
    return (
      <Badge tone="red" title="PICK 2: Enterprise Support service">
        PICK 2
      </Badge>
    );
  return null;
}
