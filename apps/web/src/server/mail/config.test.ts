import { describe, expect, test } from 'vitest';
import { parseEnv } from '../../env';
import { describeSmtpUrl, mailConfig } from './config';

describe('mail configuration', () => {
  test('defaults: no SMTP_URL (messages held), inbound on 2525, help@handoff.test for From, Reply-To and intake', () => {
    expect(mailConfig(parseEnv({}))).toMatchObject({
      smtpUrl: null,
      inboundPort: 2525,
      from: { address: 'help@handoff.test' },
      inboundAddress: 'help@handoff.test',
      ownAddresses: ['help@handoff.test'],
    });
  });

  test.each([
    ['INBOUND_SMTP_PORT=0 turns the listener off', { INBOUND_SMTP_PORT: '0' }, { inboundPort: 0 }],
    ['a blank SMTP_URL is no SMTP_URL', { SMTP_URL: ' ' }, { smtpUrl: null }],
    [
      'an SMTP server',
      { SMTP_URL: 'smtp://relay.wisc.edu:587' },
      { smtpUrl: 'smtp://relay.wisc.edu:587' },
    ],
    ['links in e-mails default to localhost:3000', {}, { appUrl: 'http://localhost:3000' }],
    [
      '…or to where sign-in is served (NEXTAUTH_URL)',
      { NEXTAUTH_URL: 'http://127.0.0.1:3200' },
      { appUrl: 'http://127.0.0.1:3200' },
    ],
    [
      '…or to APP_URL, without a trailing slash',
      { APP_URL: 'https://handoff.wisc.edu/', NEXTAUTH_URL: 'http://127.0.0.1:3200' },
      { appUrl: 'https://handoff.wisc.edu' },
    ],
    [
      'a separate inbound address is also our own',
      { MAIL_FROM: 'Noreply@Handoff.test', MAIL_INBOUND_ADDRESS: 'help@handoff.test' },
      {
        from: { name: 'UW–Madison Help Desk', address: 'noreply@handoff.test' },
        inboundAddress: 'help@handoff.test',
        ownAddresses: ['noreply@handoff.test', 'help@handoff.test'],
      },
    ],
  ])('%s', (_name, source, expected) => {
    expect(mailConfig(parseEnv(source))).toMatchObject(expected);
  });

  test.each([
    [
      'SMTP_URL',
      { SMTP_URL: 'http://mail.example.edu' },
      'SMTP_URL must be an smtp:// or smtps:// URL',
    ],
    ['INBOUND_SMTP_PORT', { INBOUND_SMTP_PORT: '70000' }, 'INBOUND_SMTP_PORT'],
    ['MAIL_FROM', { MAIL_FROM: 'help desk' }, 'MAIL_FROM must be an e-mail address'],
    ['APP_URL', { APP_URL: 'handoff.wisc.edu' }, 'APP_URL must be an http:// or https:// URL'],
  ])('a bad %s stops the start with a message naming it', (_name, source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  test('the Mail page shows the SMTP server without its credentials', () => {
    expect(describeSmtpUrl('smtp://user:secret@relay.wisc.edu:587')).toBe(
      'smtp://relay.wisc.edu:587',
    );
    expect(describeSmtpUrl(null)).toBeNull();
  });
});
