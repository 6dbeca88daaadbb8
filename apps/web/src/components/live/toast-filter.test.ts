import { describe, expect, it } from 'vitest';
import { toastFor } from './toast-filter';

// Made-up ids (no database): the viewer is 703 (named) or 704 (not named); 701 the incident.
const note = {
  entity: 'incident',
  entityId: 701,
  number: 'INC-000701',
  actorId: 702,
  userIds: [703],
};

describe('toastFor', () => {
  it('toasts a change by someone else that names the viewer, even before the follows load', () => {
    expect(toastFor(note, { me: 703, follows: true, followed: undefined })).toBe('toast');
  });

  it('never toasts the viewer’s own change, or one to something other than an incident', () => {
    expect(toastFor({ ...note, actorId: 703 }, { me: 703, follows: true, followed: [701] })).toBe(
      'skip',
    );
    expect(
      toastFor(
        { ...note, entity: 'problem', userIds: [] },
        { me: 703, follows: true, followed: [701] },
      ),
    ).toBe('skip');
    expect(toastFor(note, { me: null, follows: true, followed: [701] })).toBe('skip');
  });

  it('toasts a followed incident and skips one not followed', () => {
    const other = { ...note, userIds: [] };
    expect(toastFor(other, { me: 704, follows: true, followed: [701] })).toBe('toast');
    expect(toastFor(other, { me: 704, follows: true, followed: [702] })).toBe('skip');
  });

  it('holds an event until the followed incidents have loaded, instead of dropping it', () => {
    expect(
      toastFor({ ...note, userIds: [] }, { me: 704, follows: true, followed: undefined }),
    ).toBe('wait');
  });

  it('skips an event not naming a viewer who cannot follow (a customer)', () => {
    expect(
      toastFor({ ...note, userIds: [] }, { me: 704, follows: false, followed: undefined }),
    ).toBe('skip');
  });
});
