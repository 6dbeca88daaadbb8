import { describe, expect, test } from 'vitest';
import { connectionState } from './connection-state';

const base = { online: true, status: 'pending', ready: true, connectedOnce: true } as const;

describe('connectionState', () => {
  test('live once the open connection has sent its position', () => {
    expect(connectionState(base)).toBe('live');
  });

  test('an open connection without its position yet is not live', () => {
    expect(connectionState({ ...base, ready: false, connectedOnce: false })).toBe('connecting');
    expect(connectionState({ ...base, ready: false })).toBe('reconnecting');
  });

  test('a dropped connection reconnects; an errored one or no network is offline', () => {
    expect(connectionState({ ...base, status: 'connecting', ready: false })).toBe('reconnecting');
    expect(connectionState({ ...base, status: 'connecting', connectedOnce: false })).toBe(
      'connecting',
    );
    expect(connectionState({ ...base, status: 'error' })).toBe('offline');
    expect(connectionState({ ...base, online: false })).toBe('offline');
  });
});
