import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate, templateBodyIssues, usedVariables, validateTemplateBody } from './render.ts';
import type { RenderContext } from './variables.ts';

const context: RenderContext = {
  customer: { name: 'Jane Doe', handle: 'jane_doe' },
  agent: { name: 'Sam Lee' },
  brand: { name: 'Acme Air' },
  post: { link: 'https://x.com/jane_doe/status/1' },
  case: { reference: 'CS-1042' },
  language: 'en-GB',
  now: new Date('2026-03-05T12:00:00Z'),
  timeZone: 'UTC',
};

describe('parseTemplate', () => {
  it('splits text and tags, with alternatives in order', () => {
    const { nodes, errors } = parseTemplate('Hi {{ customer.firstName | customer.name | "there" }}!');
    expect(errors).toEqual([]);
    expect(nodes).toHaveLength(3);
    expect(nodes[0]).toEqual({ type: 'text', value: 'Hi ' });
    const tag = nodes[1];
    expect(tag?.type).toBe('tag');
    if (tag?.type !== 'tag') throw new Error('expected a tag');
    expect(tag.alternatives.map((a) => (a.kind === 'variable' ? a.path : `"${a.value}"`))).toEqual(['customer.firstName', 'customer.name', '"there"']);
    expect(nodes[2]).toEqual({ type: 'text', value: '!' });
  });

  it('reads single-quoted fallbacks and escaped quotes', () => {
    const { nodes, errors } = parseTemplate(`{{customer.firstName | 'my "friend"'}} {{customer.firstName | "it\\"s you"}}`);
    expect(errors).toEqual([]);
    const values = nodes.filter((n) => n.type === 'tag').map((n) => (n.type === 'tag' ? n.alternatives[1] : undefined));
    expect(values.map((v) => (v?.kind === 'literal' ? v.value : ''))).toEqual(['my "friend"', 'it"s you']);
  });

  it('treats \\{{ as literal braces', () => {
    const { nodes, errors } = parseTemplate('Type \\{{name}} to see it');
    expect(errors).toEqual([]);
    expect(nodes).toEqual([{ type: 'text', value: 'Type {{name}} to see it' }]);
  });

  it.each([
    ['Hi {{customer.name', 1, 4, 'never closed'],
    ['Hi {{}}', 1, 6, 'Empty'],
    ['Hi\n  {{customer.name customer.handle}}', 2, 19, 'separate a fallback'],
    ['{{customer.name | "there" | customer.handle}}', 1, 27, 'must come last'],
    ['{{customer.name | "there}}', 1, 19, 'not closed'],
    ['{{ | "x"}}', 1, 4, 'Unexpected "|"'],
    ['{{{customer.name}}}', 1, 3, 'Unexpected "{"'],
    ['{{customer.name |}}', 1, 18, 'after |'],
  ])('reports %j at line %i column %i', (body, line, column, text) => {
    const { errors } = parseTemplate(body);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, column });
    expect(errors[0]?.message).toContain(text);
  });
});

describe('validateTemplateBody', () => {
  it('accepts every known variable and declared blanks', () => {
    const body =
      '{{customer.name}} {{customer.handle}} {{customer.firstName}} {{agent.name}} {{agent.initials}} {{agent.signature}} ' +
      '{{brand.name}} {{post.link}} {{date.today}} {{case.reference}} {{blank.order}}';
    expect(validateTemplateBody(body, [{ key: 'order' }])).toEqual([]);
  });

  it('names unknown variables with their position and the nearest known name', () => {
    const errors = validateTemplateBody('Hello\nthere {{customer.fristName}} ^{{agent.intials}}');
    expect(errors).toEqual([
      'Line 2, column 9: Unknown variable "customer.fristName" (did you mean customer.firstName?).',
      'Line 2, column 33: Unknown variable "agent.intials" (did you mean agent.initials?).',
    ]);
  });

  it('gives no hint when nothing is close', () => {
    expect(validateTemplateBody('{{weather.tomorrow}}')).toEqual(['Line 1, column 3: Unknown variable "weather.tomorrow".']);
  });

  it('rejects a blank the template does not declare, and a variable in a fallback chain', () => {
    const issues = templateBodyIssues('{{blank.ordr}} {{customer.firstName | customer.nick | "there"}}', [{ key: 'order' }]);
    expect(issues.map((i) => i.message)).toEqual([
      'Unknown blank "ordr" (did you mean blank.order?): add a fill-in blank with the key "ordr", or remove {{blank.ordr}}.',
      'Unknown variable "customer.nick" (did you mean customer.name?).',
    ]);
  });

  it('lists syntax errors and unknown variables together, in body order', () => {
    const errors = validateTemplateBody('{{foo}} and {{customer.name');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('column 3');
    expect(errors[1]).toContain('never closed');
  });
});

describe('usedVariables', () => {
  it('lists variables and blank keys once, in order', () => {
    expect(usedVariables('{{blank.a}} {{customer.name | blank.b}} {{blank.a}} {{agent.initials}}')).toEqual({
      variables: ['customer.name', 'agent.initials'],
      blanks: ['a', 'b'],
    });
  });
});

describe('renderTemplate', () => {
  it('fills variables, derived values and fallbacks', () => {
    const result = renderTemplate(
      'Hi {{customer.firstName | "there"}} ({{customer.handle}}), ref {{case.reference}}. {{brand.name}} {{agent.signature}}',
      context,
    );
    expect(result).toEqual({ text: 'Hi Jane (@jane_doe), ref CS-1042. Acme Air ^SL', missing: [] });
  });

  it('uses the fallback when the first name cannot be guessed', () => {
    const result = renderTemplate('Hi {{customer.firstName | "there"}}!', { ...context, customer: { name: 'Acme Support 🛠' } });
    expect(result).toEqual({ text: 'Hi there!', missing: [] });
  });

  it('walks a chain of variables before the quoted fallback', () => {
    const result = renderTemplate('{{customer.firstName | customer.handle | "friend"}}', { customer: { name: 'ACME Ltd', handle: 'acme' } });
    expect(result.text).toBe('@acme');
  });

  it('reports empty variables without a fallback as missing, once each', () => {
    const result = renderTemplate('Ref {{case.reference}} / {{case.reference}} by {{agent.name}}', { agent: { name: 'Sam' } });
    expect(result).toEqual({ text: 'Ref  /  by Sam', missing: ['case.reference'] });
  });

  it('accepts an explicitly empty fallback as "optional"', () => {
    expect(renderTemplate('Thanks!{{case.reference | ""}}', {})).toEqual({ text: 'Thanks!', missing: [] });
  });

  it('reports unfilled blanks as missing, and fills given ones', () => {
    const body = 'Order {{blank.order}} ships on {{blank.shipDate}}.';
    const blanks = [
      { key: 'order', kind: 'text' as const },
      { key: 'shipDate', kind: 'date' as const },
    ];
    expect(renderTemplate(body, context, {}, blanks).missing).toEqual(['blank.order', 'blank.shipDate']);
    expect(renderTemplate(body, context, { order: '  A-77 ', shipDate: '2026-03-09' }, blanks)).toEqual({
      text: 'Order A-77 ships on 9 March 2026.',
      missing: [],
    });
  });

  it('writes date blanks and today in the context language', () => {
    const result = renderTemplate('{{date.today}} / {{blank.d}}', { ...context, language: 'de' }, { d: '2026-12-24' }, [{ key: 'd', kind: 'date' }]);
    expect(result.text).toBe('5. März 2026 / 24. Dezember 2026');
  });

  it('reports unknown variables as missing instead of leaving a blank silently', () => {
    expect(renderTemplate('Hi {{customer.nickname}}', context)).toEqual({ text: 'Hi ', missing: ['customer.nickname'] });
  });

  it('reports syntax errors as missing so nothing broken is inserted', () => {
    expect(renderTemplate('Hi {{customer.name', context).missing).toEqual(['syntax:1:4']);
  });

  it('is single-pass: template syntax inside a customer name or a blank stays text', () => {
    const sneaky: RenderContext = { customer: { name: '{{agent.name}} <b>Bob</b>', handle: '{{brand.name}}' }, agent: { name: 'Sam Lee' }, brand: { name: 'Acme' } };
    const result = renderTemplate('Hi {{customer.name}} {{customer.handle}} {{blank.note}}', sneaky, { note: '{{case.reference}}' }, [{ key: 'note', kind: 'text' }]);
    expect(result.text).toBe('Hi {{agent.name}} <b>Bob</b> @{{brand.name}} {{case.reference}}');
    expect(result.missing).toEqual([]);
  });

  it('keeps a name with markup as text, and strips bidi controls and line breaks from it', () => {
    const result = renderTemplate('Dear {{customer.name}},', { customer: { name: 'Eve\u202E<script>alert(1)</script>\nLine2' } });
    expect(result.text).toBe('Dear Eve<script>alert(1)</script> Line2,');
  });

  it('drops a post link that is not http(s)', () => {
    expect(renderTemplate('{{post.link | "no link"}}', { post: { link: 'javascript:alert(1)' } }).text).toBe('no link');
  });

  it('does not read inherited properties as blank values', () => {
    expect(renderTemplate('{{blank.toString}}', {}, {}, [{ key: 'toString', kind: 'text' }]).missing).toEqual(['blank.toString']);
  });

  it('keeps line breaks and emoji of the body', () => {
    expect(renderTemplate('Hi 👋\n\n{{agent.name}}', { agent: { name: 'Sam' } }).text).toBe('Hi 👋\n\nSam');
  });
});
