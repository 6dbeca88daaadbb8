// kb 003 rules 1–2: end users need an employer-domain address and are placed in the organisation
// that owns the domain; "To Test the System": an administrator may place a test user by hand.
import '../zod-config';
import { z } from 'zod';
import { DomainError } from '../errors';
import { isFreeMailProvider } from './free-mail-domains';

// A DNS name with at least one dot and a letters-only top-level label (e.g. badgerhealth.example).
const hostnamePattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** "@BadgerHealth.Example. " → "badgerhealth.example". */
export const normaliseDomain = (raw: string): string =>
  raw.trim().toLowerCase().replace(/^@+/, '').replace(/\.$/, '');

/** The domain part of an address, lower-cased. */
export const emailDomainOf = (email: string): string => {
  const normalised = email.trim().toLowerCase();
  return normalised.slice(normalised.lastIndexOf('@') + 1);
};

const isWithin = (domain: string, parent: string): boolean =>
  domain === parent || domain.endsWith(`.${parent}`);

/** True for a free-mail provider's domain (any public suffix) or one of its subdomains. */
export const isFreeMailDomain = (domain: string, list?: readonly string[]): boolean =>
  list
    ? list.some((d) => isWithin(normaliseDomain(domain), d))
    : isFreeMailProvider(normaliseDomain(domain));

export interface OrganisationDomains {
  id: number;
  name: string;
  domains: readonly string[];
}

export interface Placement {
  organisationId: number;
  organisationName: string;
  /** The address's domain. */
  domain: string;
  /** `domain`: placed automatically by its e-mail domain; `manual`: a test user an administrator placed. */
  how: 'domain' | 'manual';
}

const emailSchema = z.email();

function assertEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!emailSchema.safeParse(normalised).success) {
    const message = 'Enter a valid e-mail address, such as name@yourcompany.com.';
    throw new DomainError('VALIDATION', message, { email: message });
  }
  return normalised;
}

export const freeMailRefusal = (domain: string): string =>
  `${domain} is a free-mail domain: it does not say which employer you work for, so it cannot place you in a supported ` +
  'organisation. Use the e-mail address your employer gave you. To test with a personal address, ask an administrator ' +
  'to create a test user in your organisation.';

export const unknownDomainRefusal = (domain: string): string =>
  `No supported organisation uses the e-mail domain ${domain}, so we cannot tell which channel partner supports you. ` +
  'Use your employer e-mail address; if that is on this domain, ask your channel partner to send us the domain so it ' +
  'can be added to your organisation.';

/**
 * kb 003 rules 1–2: places an end user in the organisation owning their address's domain (the most
 * specific registered domain wins for subdomains). Free-mail and unknown domains are refused with
 * a VALIDATION error that says why and what to do.
 */
export function placeEndUser({
  email,
  organisations,
}: {
  email: string;
  organisations: readonly OrganisationDomains[];
}): Placement {
  const domain = emailDomainOf(assertEmail(email));
  if (isFreeMailDomain(domain))
    throw new DomainError('VALIDATION', freeMailRefusal(domain), {
      email: freeMailRefusal(domain),
    });
  let best: { org: OrganisationDomains; registered: string } | undefined;
  for (const org of organisations) {
    for (const registered of org.domains) {
      if (isWithin(domain, registered) && (!best || registered.length > best.registered.length))
        best = { org, registered };
    }
  }
  if (!best)
    throw new DomainError('VALIDATION', unknownDomainRefusal(domain), {
      email: unknownDomainRefusal(domain),
    });
  return { organisationId: best.org.id, organisationName: best.org.name, domain, how: 'domain' };
}

/**
 * kb 003 "To Test the System": an administrator places a test user in a chosen organisation by hand,
 * whatever the address (a webmail address is the kb's own example). Only an address another
 * organisation's domain already claims is refused, since it belongs there.
 */
export function placeTestUser({
  email,
  organisationId,
  organisations,
}: {
  email: string;
  organisationId: number;
  organisations: readonly OrganisationDomains[];
}): Placement {
  const domain = emailDomainOf(assertEmail(email));
  const chosen = organisations.find((o) => o.id === organisationId);
  if (!chosen) {
    throw new DomainError('VALIDATION', 'Choose an organisation from the list.', {
      organisationId: 'Choose an organisation from the list',
    });
  }
  const owner = organisations.find(
    (o) => o.id !== organisationId && o.domains.some((d) => isWithin(domain, d)),
  );
  if (owner) {
    const message = `${domain} belongs to ${owner.name}, so this address is placed there by its domain; use another address for a test user of ${chosen.name}.`;
    throw new DomainError('VALIDATION', message, { email: message });
  }
  return { organisationId: chosen.id, organisationName: chosen.name, domain, how: 'manual' };
}

/**
 * Checks the e-mail domains an administrator gives an organisation: each must be a domain name,
 * not a free-mail provider, and not already another organisation's. Returns them normalised and
 * de-duplicated; throws one VALIDATION error at `domains` listing every problem.
 */
export function checkOrganisationDomains({
  domains,
  organisationId,
  organisations,
}: {
  domains: readonly string[];
  /** The organisation being edited (its own domains are not "taken"); absent when creating one. */
  organisationId?: number;
  organisations: readonly OrganisationDomains[];
}): string[] {
  const normalised = [...new Set(domains.map(normaliseDomain).filter((d) => d.length > 0))];
  const problems: string[] = [];
  if (normalised.length === 0)
    problems.push('Give at least one e-mail domain, such as badgerhealth.example.');
  for (const d of normalised) {
    if (!hostnamePattern.test(d)) {
      problems.push(`"${d}" is not an e-mail domain; write it like badgerhealth.example.`);
    } else if (isFreeMailDomain(d)) {
      problems.push(
        `${d} is a free-mail domain: it does not identify an employer, so it cannot place anyone in an organisation.`,
      );
    } else {
      const owner = organisations.find((o) => o.id !== organisationId && o.domains.includes(d));
      if (owner)
        problems.push(
          `${d} already belongs to ${owner.name}; a domain places its users in one organisation only.`,
        );
    }
  }
  if (problems.length > 0)
    throw new DomainError('VALIDATION', problems.join(' '), { domains: problems.join(' ') });
  return normalised;
}

/** Where an address's domain places its owner, or null when placeEndUser would refuse it (free-mail, unknown, invalid). */
export function placementOf(args: {
  email: string;
  organisations: readonly OrganisationDomains[];
}): Placement | null {
  try {
    return placeEndUser(args);
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
}
