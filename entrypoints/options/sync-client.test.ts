import { describe, expect, it } from 'vitest';
import { connectionInWords } from './sync-client';

describe('connection test in words', () => {
  it('says who the token is, or why it failed', () => {
    expect(connectionInWords({ status: 'ok', kind: 'agent', agentId: 'agent-7', name: 'Jane Smith' })).toEqual({
      tone: 'good',
      text: 'Connected: the server knows this token as Jane Smith, agent id agent-7.',
    });
    expect(connectionInWords({ status: 'ok', kind: 'supervisor', agentId: null, name: 'Team lead' }).text).toBe(
      'Connected: the server knows this token as Team lead (supervisor).',
    );
    expect(connectionInWords({ status: 'unreachable', message: 'Could not reach the server.' })).toEqual({ tone: 'bad', text: 'Unreachable: Could not reach the server.' });
    expect(connectionInWords({ status: 'token_refused', message: 'Token refused: the sync server did not accept this token (401).' }).text).toBe(
      'Token refused: the sync server did not accept this token (401).',
    );
    expect(connectionInWords({ status: 'token_refused', message: 'Enter the token your supervisor gave you.' }).text).toBe(
      'Enter the token your supervisor gave you.',
    );
  });
});
