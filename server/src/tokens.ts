import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from './db';

export type TokenKind = 'agent' | 'supervisor';

export interface CreateTokenInput {
  kind: TokenKind;
  /** Required for agent tokens: the only agentId this token may write. */
  agentId?: string;
  name: string;
}

export interface CreatedToken {
  /** Public id, used to revoke; not a secret. */
  id: string;
  /** The bearer secret, shown once; only its hash is stored. */
  token: string;
  kind: TokenKind;
  agentId: string | null;
  name: string;
}

export interface TokenInfo {
  id: string;
  kind: TokenKind;
  agentId: string | null;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * Tokens are 32 random bytes: too much entropy to guess, so a fast SHA-256 is the right hash
 * (a slow password hash would only slow every request down).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function createToken(db: Queryable, input: CreateTokenInput): Promise<CreatedToken> {
  const name = input.name.trim();
  if (!name) throw new Error('A token needs a name (who or what uses it).');
  if (input.kind !== 'agent' && input.kind !== 'supervisor') throw new Error(`Unknown token kind: ${String(input.kind)}`);
  const agentId = input.kind === 'agent' ? (input.agentId ?? '').trim() : null;
  if (input.kind === 'agent' && !agentId) throw new Error('An agent token needs the agentId it may write.');
  const id = `tok_${randomBytes(6).toString('hex')}`;
  const token = `cl_${input.kind === 'agent' ? 'agt' : 'sup'}_${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO tokens (id, name, kind, agent_id, token_hash) VALUES ($1, $2, $3, $4, $5)', [
    id,
    name,
    input.kind,
    agentId,
    hashToken(token),
  ]);
  return { id, token, kind: input.kind, agentId, name };
}

/** Revokes by public id; true when a live token was revoked. */
export async function revokeToken(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  return rows.length > 0;
}

interface TokenRow {
  id: string;
  kind: TokenKind;
  agent_id: string | null;
  name: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

function toInfo(row: TokenRow): TokenInfo {
  return {
    id: row.id,
    kind: row.kind,
    agentId: row.agent_id,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  };
}

export async function listTokens(db: Queryable): Promise<TokenInfo[]> {
  const rows = await db.query<TokenRow>('SELECT id, kind, agent_id, name, created_at, revoked_at FROM tokens ORDER BY created_at, id');
  return rows.map(toInfo);
}

/** The live token a bearer secret belongs to, or null. */
export async function authenticate(db: Queryable, token: string): Promise<TokenInfo | null> {
  if (!token || token.length > 512) return null;
  const rows = await db.query<TokenRow>(
    'SELECT id, kind, agent_id, name, created_at, revoked_at FROM tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  const row = rows[0];
  return row ? toInfo(row) : null;
}
