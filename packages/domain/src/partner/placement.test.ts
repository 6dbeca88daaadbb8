import { describe, expect, test } from 'vitest';
import { freeMailDomains, freeMailProviders } from './free-mail-domains';
import {
  checkOrganisationDomains,
  isFreeMailDomain,
  placeEndUser,
  placementOf,
  placeTestUser,
} from './placement';
import { domainErrorOf } from './test-fixtures';

const organisations = [
  { id: 1, name: 'Badger Health', domains: ['badgerhealth.example', 'bh-clinics.example'] },
  { id: 2, name: 'Badger Labs', domains: ['labs.badgerhealth.example'] },
];

describe('placementOf: does an address belong to a supported organisation?', () => {
  test.each([
    ['an organisation domain', 'rita@badgerhealth.example', 'Badger Health'],
    ['free mail', 'rita@gmail.com', null],
    ['an unknown domain', 'sam@acme.example', null],
    ['not an address', 'not-an-address', null],
  ])('%s', (_name, email, organisationName) => {
    expect(placementOf({ email, organisations })?.organisationName ?? null).toBe(organisationName);
  });
});

describe('placeEndUser (kb 003 rules 1–2)', () => {
  test.each([
    [
      'an address on an organisation domain',
      'rita@badgerhealth.example',
      'Badger Health',
      'badgerhealth.example',
    ],
    ['its second domain', 'ben@bh-clinics.example', 'Badger Health', 'bh-clinics.example'],
    [
      'upper case and spaces',
      '  Rita@BadgerHealth.EXAMPLE ',
      'Badger Health',
      'badgerhealth.example',
    ],
    [
      'a subdomain of an organisation domain',
      'nurse@east.badgerhealth.example',
      'Badger Health',
      'east.badgerhealth.example',
    ],
    [
      'a subdomain another organisation registered (most specific wins)',
      'tech@labs.badgerhealth.example',
      'Badger Labs',
      'labs.badgerhealth.example',
    ],
  ])('%s → placed in its organisation', (_name, email, organisationName, domain) => {
    expect(placeEndUser({ email, organisations })).toMatchObject({
      organisationName,
      domain,
      how: 'domain',
    });
  });

  test.each([
    'gmail.com',
    'googlemail.com',
    'hotmail.com',
    'outlook.com',
    'live.com',
    'yahoo.com',
    'aol.com',
    'icloud.com',
    'proton.me',
    'mail.yahoo.com',
    // Providers, not spellings (issue 14 item 13): any public suffix of a provider is free mail.
    'yahoo.ca',
    'hotmail.ca',
    'live.ca',
    'outlook.co.uk',
    'hotmail.fr',
    'yahoo.fr',
    'yahoo.com.au',
    'gmx.at',
    'uk.yahoo.co.uk',
  ])('a free-mail address (@%s) is refused, saying why and what to do', (domain) => {
    const error = domainErrorOf(() => placeEndUser({ email: `rita@${domain}`, organisations }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(`${domain} is a free-mail domain`);
    expect(error.message).toContain('does not say which employer you work for');
    expect(error.message).toContain('Use the e-mail address your employer gave you');
    expect(error.fields).toEqual({ email: error.message });
  });

  test('an address on a domain no organisation has is refused, saying why and what to do', () => {
    const error = domainErrorOf(() => placeEndUser({ email: 'sam@acme.example', organisations }));
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { email: expect.any(String) } });
    expect(error.message).toBe(
      'No supported organisation uses the e-mail domain acme.example, so we cannot tell which channel partner supports you. ' +
        'Use your employer e-mail address; if that is on this domain, ask your channel partner to send us the domain so it can be added to your organisation.',
    );
  });

  test('a look-alike domain is not a subdomain', () => {
    expect(
      domainErrorOf(() => placeEndUser({ email: 'x@notbadgerhealth.example', organisations }))
        .message,
    ).toContain('notbadgerhealth.example');
  });

  test('a malformed address → VALIDATION at email', () => {
    expect(
      domainErrorOf(() => placeEndUser({ email: 'rita-at-badgerhealth', organisations })),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: { email: 'Enter a valid e-mail address, such as name@yourcompany.com.' },
    });
  });
});

describe('the free-mail list is data', () => {
  test('it holds the providers kb 003 and the issue name', () => {
    for (const p of ['gmail', 'googlemail', 'hotmail', 'outlook', 'live', 'yahoo', 'aol', 'icloud'])
      expect(freeMailProviders).toContain(p);
    expect(freeMailDomains).toContain('me.com');
  });

  test.each([
    ['yahoo.ca', true],
    ['hotmail.co.jp', true],
    ['outlook.com.br', true],
    ['me.com', true],
    ['pm.me', true],
    // A provider's name as a subdomain of an employer's domain is the employer's mail.
    ['yahoo.badgerhealth.example', false],
    ['outlook.wisc.edu', false],
    // Generic labels count only in their own spelling.
    ['me.badgerhealth.example', false],
    ['mail.wisc.edu', false],
    ['badgerhealth.example', false],
    ['gmailer.com', false],
  ])('%s → free mail %s', (domain, expected) => {
    expect(isFreeMailDomain(domain)).toBe(expected);
  });

  test('a caller can pass another list', () => {
    expect(isFreeMailDomain('badgerhealth.example')).toBe(false);
    expect(isFreeMailDomain('badgerhealth.example', ['badgerhealth.example'])).toBe(true);
  });
});

describe('placeTestUser (kb 003 "To Test the System")', () => {
  test('an administrator places a webmail test user in a chosen organisation', () => {
    expect(
      placeTestUser({ email: 'it.tester@gmail.com', organisationId: 1, organisations }),
    ).toEqual({
      organisationId: 1,
      organisationName: 'Badger Health',
      domain: 'gmail.com',
      how: 'manual',
    });
  });

  test("an address on another organisation's domain belongs there", () => {
    const error = domainErrorOf(() =>
      placeTestUser({ email: 'tech@labs.badgerhealth.example', organisationId: 1, organisations }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('belongs to Badger Labs'),
    });
  });

  test('an organisation that does not exist → VALIDATION at organisationId', () => {
    expect(
      domainErrorOf(() => placeTestUser({ email: 'a@gmail.com', organisationId: 9, organisations }))
        .fields,
    ).toEqual({
      organisationId: 'Choose an organisation from the list',
    });
  });
});

describe('checkOrganisationDomains', () => {
  test('normalises and de-duplicates', () => {
    expect(
      checkOrganisationDomains({
        domains: [' @Acme.Example ', 'acme.example', 'eu.acme.example.'],
        organisations,
      }),
    ).toEqual(['acme.example', 'eu.acme.example']);
  });

  test('an organisation keeps its own domains when edited', () => {
    expect(
      checkOrganisationDomains({
        domains: ['badgerhealth.example'],
        organisationId: 1,
        organisations,
      }),
    ).toEqual(['badgerhealth.example']);
  });

  test.each([
    [
      'a free-mail domain',
      ['gmail.com'],
      'gmail.com is a free-mail domain: it does not identify an employer, so it cannot place anyone in an organisation.',
    ],
    [
      "another organisation's domain",
      ['labs.badgerhealth.example'],
      'labs.badgerhealth.example already belongs to Badger Labs; a domain places its users in one organisation only.',
    ],
    [
      'something that is not a domain',
      ['badger health'],
      '"badger health" is not an e-mail domain; write it like badgerhealth.example.',
    ],
    [
      'no domain at all',
      [' ', ''],
      'Give at least one e-mail domain, such as badgerhealth.example.',
    ],
    [
      'a free-mail provider under another suffix',
      ['yahoo.ca'],
      'yahoo.ca is a free-mail domain: it does not identify an employer, so it cannot place anyone in an organisation.',
    ],
    [
      'a free-mail provider under a two-label suffix',
      ['outlook.co.uk'],
      'outlook.co.uk is a free-mail domain: it does not identify an employer, so it cannot place anyone in an organisation.',
    ],
  ])('%s is refused at domains', (_name, domains, message) => {
    const error = domainErrorOf(() =>
      checkOrganisationDomains({ domains, organisationId: 1, organisations }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', message, fields: { domains: message } });
  });

  test('every problem is listed at once', () => {
    const error = domainErrorOf(() =>
      checkOrganisationDomains({
        domains: ['gmail.com', 'yahoo.com', 'ok.example'],
        organisations,
      }),
    );
    expect(error.message.match(/free-mail/g)).toHaveLength(2);
  });
});
