import { describe, expect, it } from 'vitest';
import { splitFullName } from '../../electron/workspace/import/customers/full-name';

describe('splitFullName', () => {
  it.each([
    ['Ada Lovelace', { first_name: 'Ada', last_name: 'Lovelace' }],
    ['Lovelace, Ada', { first_name: 'Ada', last_name: 'Lovelace' }],
    ['  van der Berg,  Jan ', { first_name: 'Jan', last_name: 'van der Berg' }],
    ['Jan van der Berg', { first_name: 'Jan', last_name: 'van der Berg' }],
    ['Berg, Jan van der', { first_name: 'Jan', last_name: 'van der Berg' }],
    ['Ludwig van Beethoven', { first_name: 'Ludwig', last_name: 'van Beethoven' }],
    ['María de la Cruz', { first_name: 'María', last_name: 'de la Cruz' }],
    ['Jean-Luc Picard', { first_name: 'Jean-Luc', last_name: 'Picard' }],
    ['Cher', { first_name: 'Cher' }],
    ['Dr. Grace Hopper', { first_name: 'Grace', last_name: 'Hopper' }],
    ['Mme Chantal Dubois', { first_name: 'Chantal', last_name: 'Dubois' }],
    ['Martin Luther King Jr.', { first_name: 'Martin', last_name: 'Luther King' }],
    ['John Smith, Jr.', { first_name: 'John', last_name: 'Smith' }],
    ['Dr.', { first_name: 'Dr.' }],
    ['', {}],
  ])('splits %j', (full, expected) => {
    expect(splitFullName(full)).toEqual(expected);
  });
});
