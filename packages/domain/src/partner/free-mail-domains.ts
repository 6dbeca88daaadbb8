import { parse } from 'tldts';

/**
 * Free-mail providers (kb 003 rule 1: "No gmail, hotmail, yahoo, etc., as they don't identify what
 * employer the person works for"), recognised by provider rather than by one spelling: a provider
 * label is free mail under any public suffix (`yahoo.ca`, `hotmail.fr`, `outlook.co.uk`, …).
 * Kept as data so the list grows without touching the rules; subdomains count too.
 */
export const freeMailProviders: readonly string[] = [
  'gmail',
  'googlemail',
  'hotmail',
  'outlook',
  'live',
  'msn',
  'windowslive',
  'yahoo',
  'ymail',
  'rocketmail',
  'aol',
  'aim',
  'icloud',
  'proton',
  'protonmail',
  'gmx',
  'zoho',
  'yandex',
  'fastmail',
  'tutanota',
  'tutamail',
  'mailfence',
  'hushmail',
  'laposte',
  'orange',
  'wanadoo',
  'libero',
  'seznam',
  'rediffmail',
];

/** Free-mail domains whose label is too generic to match under every suffix (`me`, `mail`, `web`). */
export const freeMailDomains: readonly string[] = [
  'me.com',
  'mac.com',
  'pm.me',
  'mail.com',
  'mail.ru',
  'web.de',
  't-online.de',
  'tuta.io',
  'hey.com',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
];

const isWithin = (domain: string, parent: string): boolean =>
  domain === parent || domain.endsWith(`.${parent}`);

/**
 * True for a free-mail provider's domain or one of its subdomains: its registrable name (the
 * label before the public suffix, per the Public Suffix List shipped with `tldts`) is a provider
 * label, or it is one of the exact domains.
 */
export function isFreeMailProvider(
  domain: string,
  providers: readonly string[] = freeMailProviders,
  domains: readonly string[] = freeMailDomains,
): boolean {
  if (domains.some((d) => isWithin(domain, d))) return true;
  const label = parse(domain, { allowPrivateDomains: false }).domainWithoutSuffix;
  return label !== null && providers.includes(label);
}
