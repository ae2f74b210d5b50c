import { describe, expect, it } from 'vitest';
import { cleanValue, contextFromPost, formatDateValue, guessFirstName, initialsOf, variableValue } from './variables.ts';

describe('guessFirstName', () => {
  it.each([
    ['Jane Doe', 'Jane'],
    ['Jane', 'Jane'],
    ['María José García', 'María'],
    ["Siobhán O'Neill", 'Siobhán'],
    ['Jean-Luc Picard', 'Jean-Luc'],
    ['🌸 Priya Patel 🌸', 'Priya'],
    ['Tom 🇬🇧 Smith', 'Tom'],
    ['Ahmed (he/him)', 'Ahmed'],
    ['Chloe | Travel blogger', 'Chloe'],
    ['JANE DOE', 'Jane'],
    ['jane doe', 'Jane'],
    ['Олег Петров', 'Олег'],
  ])('%j → %j', (name, expected) => {
    expect(guessFirstName(name)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['@jane_doe', 'a handle'],
    ['jdoe84', 'a handle-like name'],
    ['janedoe', 'one lower-case word'],
    ['Acme Support', 'a company'],
    ['Best Coffee Shop', 'a shop'],
    ['The Daily Planet', 'a publication'],
    ['Dr. Smith', 'a title'],
    ['J. Smith', 'an initial'],
    ['山田太郎', 'family name first (Japanese)'],
    ['김민준', 'Korean'],
    ['🔥🔥🔥', 'only emoji'],
    ['www.example.com', 'a web address'],
    ['Smith & Sons', 'a firm'],
  ])('%j gives "" (%s)', (name) => {
    expect(guessFirstName(name)).toBe('');
  });
});

describe('initialsOf', () => {
  it.each([
    ['Jane Smith', 'JS'],
    ['jane smith', 'JS'],
    ['Cher', 'C'],
    ['Ana María de la Cruz', 'AC'],
    ['Jean-Luc Picard', 'JP'],
    ['  ', ''],
    [undefined, ''],
    ['Émile Zola 😀', 'ÉZ'],
  ])('%j → %j', (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });
});

describe('variableValue', () => {
  it('derives the signature from initials, and prefers a configured one', () => {
    expect(variableValue('agent.signature', { agent: { name: 'Jane Smith' } })).toBe('^JS');
    expect(variableValue('agent.signature', { agent: { name: 'Jane Smith', signature: '-Jane' } })).toBe('-Jane');
    expect(variableValue('agent.initials', { agent: { name: 'Jane Smith', initials: 'JaS' } })).toBe('JaS');
    expect(variableValue('agent.signature', {})).toBe('');
  });

  it('prefixes the handle with @ once', () => {
    expect(variableValue('customer.handle', { customer: { handle: 'jane' } })).toBe('@jane');
    expect(variableValue('customer.handle', { customer: { handle: '@jane' } })).toBe('@jane');
    expect(variableValue('customer.handle', {})).toBe('');
  });

  it('uses a given first name over the guess', () => {
    expect(variableValue('customer.firstName', { customer: { name: 'Acme Support', firstName: 'Kim' } })).toBe('Kim');
  });

  it('formats today in the language and time zone given', () => {
    const now = new Date('2026-01-31T23:30:00Z');
    expect(variableValue('date.today', { now, language: 'en-US', timeZone: 'UTC' })).toBe('January 31, 2026');
    expect(variableValue('date.today', { now, language: 'fr', timeZone: 'Europe/Paris' })).toBe('1 février 2026');
    expect(variableValue('date.today', { now, language: 'not a tag!', timeZone: 'UTC' })).toBe('January 31, 2026');
    expect(variableValue('date.today', { now, language: 'en-US', timeZone: 'Mars/Olympus_Mons' })).toBe('January 31, 2026');
    expect(variableValue('date.today', { now, language: 'de', timeZone: 'Mars/Olympus_Mons' })).toBe('31. Januar 2026');
  });
});

describe('cleanValue and formatDateValue', () => {
  it('removes controls and invisible characters', () => {
    expect(cleanValue('a\u200Bb\u202Ec\n\td')).toBe('abc d');
  });

  it('formats only real dates', () => {
    expect(formatDateValue('2026-02-28', 'en-GB')).toBe('28 February 2026');
    expect(formatDateValue('2026-02-30', 'en')).toBe('');
    expect(formatDateValue('28/02/2026', 'en')).toBe('');
  });
});

describe('contextFromPost', () => {
  it('maps a Post and the agent profile to a render context', () => {
    const context = contextFromPost({
      post: { authorName: 'Jane Doe', authorHandle: 'jane', permalink: 'https://x.com/jane/status/9' },
      agent: { name: 'Sam Lee' },
      brandName: 'Acme',
      caseReference: 'R-1',
      language: 'en',
    });
    expect(variableValue('customer.firstName', context)).toBe('Jane');
    expect(variableValue('post.link', context)).toBe('https://x.com/jane/status/9');
    expect(variableValue('case.reference', context)).toBe('R-1');
    expect(variableValue('agent.signature', context)).toBe('^SL');
    expect(variableValue('brand.name', context)).toBe('Acme');
  });
});
