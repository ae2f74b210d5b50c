/**
 * The template editor's form state and its conversion to a Template. The form keeps text as typed
 * (tags and choice options as comma-separated text); saving validates it with TemplateSchema, so
 * an unknown variable or an unused blank is refused with its message, never saved.
 */
import { describeZodError, TemplateSchema, TEMPLATE_SCHEMA_VERSION, type Blank, type Template, type TemplateInput } from '../../lib/templates/schema';
import { templateBodyIssues, type TemplateIssue } from '../../lib/templates/render';

export type DraftChannel = 'x' | 'facebook' | 'any';

export interface BlankDraft {
  key: string;
  label: string;
  kind: Blank['kind'];
  /** Choice options, comma-separated. */
  optionsText: string;
  required: boolean;
  hint: string;
}

export interface TemplateDraft {
  id: string;
  isNew: boolean;
  name: string;
  bodies: Record<DraftChannel, string>;
  intents: string[];
  sentiments: string[];
  flags: string[];
  tones: string[];
  tagsText: string;
  language: string;
  shortcut: string;
  blanks: BlankDraft[];
  createdAt?: string;
}

export function emptyDraft(id: string): TemplateDraft {
  return {
    id,
    isNew: true,
    name: '',
    bodies: { x: '', facebook: '', any: '' },
    intents: [],
    sentiments: [],
    flags: [],
    tones: ['informative'],
    tagsText: '',
    language: 'en',
    shortcut: '',
    blanks: [],
  };
}

export function draftOf(template: Template, isNew = false): TemplateDraft {
  return {
    id: template.id,
    isNew,
    name: template.name,
    bodies: { x: template.bodies.x ?? '', facebook: template.bodies.facebook ?? '', any: template.bodies.any ?? '' },
    intents: [...template.intents],
    sentiments: [...template.sentiments],
    flags: [...template.flags],
    tones: [...template.tones],
    tagsText: template.tags.join(', '),
    language: template.language,
    shortcut: template.shortcut ?? '',
    blanks: template.blanks.map((b) => ({
      key: b.key,
      label: b.label,
      kind: b.kind,
      optionsText: (b.options ?? []).join(', '),
      required: b.required,
      hint: b.hint ?? '',
    })),
    createdAt: template.createdAt,
  };
}

export function emptyBlank(): BlankDraft {
  return { key: '', label: '', kind: 'text', optionsText: '', required: true, hint: '' };
}

function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

export function inputOf(draft: TemplateDraft): TemplateInput {
  const bodies: TemplateInput['bodies'] = {};
  for (const channel of ['x', 'facebook', 'any'] as const) {
    if (draft.bodies[channel].trim()) bodies[channel] = draft.bodies[channel];
  }
  const shortcut = draft.shortcut.trim();
  return {
    id: draft.id,
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    name: draft.name,
    bodies,
    intents: draft.intents as TemplateInput['intents'],
    sentiments: draft.sentiments as TemplateInput['sentiments'],
    flags: draft.flags as TemplateInput['flags'],
    tones: draft.tones as TemplateInput['tones'],
    tags: splitList(draft.tagsText),
    language: draft.language.trim() || 'en',
    ...(shortcut ? { shortcut } : {}),
    blanks: draft.blanks.map((b) => ({
      key: b.key.trim(),
      label: b.label,
      kind: b.kind,
      ...(b.kind === 'choice' ? { options: splitList(b.optionsText) } : {}),
      required: b.required,
      ...(b.hint.trim() ? { hint: b.hint.trim() } : {}),
    })),
    ...(draft.createdAt ? { createdAt: draft.createdAt } : {}),
  };
}

export type DraftCheck = { ok: true; template: Template } | { ok: false; errors: string[] };

const CHANNEL_NAMES: Record<DraftChannel, string> = { x: 'X body', facebook: 'Facebook body', any: 'Body for both' };
const FIELD_NAMES: Record<string, string> = { name: 'Name', tones: 'Tones', language: 'Language', shortcut: 'Shortcut', bodies: 'Bodies', tags: 'Tags' };

/** Error lines in the editor's words: "X body: Line 1, column 4: Unknown variable …", "Blank 2 (key): …". */
function friendlyPath(line: string): string {
  const match = /^([a-zA-Z]+)(?:\.([a-zA-Z0-9]+))?(?:\.([a-zA-Z]+))?: (.*)$/su.exec(line);
  if (!match) return line;
  const [, head, second, third, message] = match;
  if (head === 'bodies' && second && second in CHANNEL_NAMES) return `${CHANNEL_NAMES[second as DraftChannel]}: ${message}`;
  if (head === 'blanks' && second !== undefined && /^\d+$/u.test(second)) return `Blank ${Number(second) + 1}${third ? ` (${third})` : ''}: ${message}`;
  return `${FIELD_NAMES[head!] ?? head}: ${message}`;
}

/** Validates the draft as the save button does. */
export function checkDraft(draft: TemplateDraft): DraftCheck {
  const parsed = TemplateSchema.safeParse(inputOf(draft));
  if (parsed.success) return { ok: true, template: parsed.data };
  return { ok: false, errors: describeZodError(parsed.error).map(friendlyPath) };
}

/** Live issues of one body (line and column), against the draft's blank keys. */
export function bodyIssues(draft: TemplateDraft, channel: DraftChannel): TemplateIssue[] {
  const body = draft.bodies[channel];
  if (!body.trim()) return [];
  return templateBodyIssues(body, draft.blanks.map((b) => ({ key: b.key.trim() })));
}
