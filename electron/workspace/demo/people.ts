import type { Faker, SexType } from '@faker-js/faker';
import { faker as fakerBase } from '@faker-js/faker/locale/base';
import { faker as fakerDe } from '@faker-js/faker/locale/de';
import { faker as fakerEnGb } from '@faker-js/faker/locale/en_GB';
import { faker as fakerEnUs } from '@faker-js/faker/locale/en_US';
import { faker as fakerEs } from '@faker-js/faker/locale/es';
import { faker as fakerFr } from '@faker-js/faker/locale/fr';
import { faker as fakerJa } from '@faker-js/faker/locale/ja';
import { faker as fakerPl } from '@faker-js/faker/locale/pl';
import { faker as fakerPtBr } from '@faker-js/faker/locale/pt_BR';
import { faker as fakerSv } from '@faker-js/faker/locale/sv';

export interface DemoLocale {
  readonly faker: Faker;
  /** ISO 3166-1 alpha-2 code stored in customers.country. */
  readonly country: string;
  /** Share of customers from this locale (relative weight). */
  readonly weight: number;
}

/**
 * Per-locale imports keep start-up cheap (the package root loads every locale).
 * These are module-level singletons, so `seedFakers` re-seeds all of them on
 * every run: whatever else used them before cannot change the output.
 */
export const LOCALES: readonly DemoLocale[] = [
  { faker: fakerEnUs, country: 'US', weight: 30 },
  { faker: fakerEnGb, country: 'GB', weight: 6 },
  { faker: fakerDe, country: 'DE', weight: 12 },
  { faker: fakerFr, country: 'FR', weight: 10 },
  { faker: fakerEs, country: 'ES', weight: 9 },
  { faker: fakerPl, country: 'PL', weight: 8 },
  { faker: fakerPtBr, country: 'BR', weight: 10 },
  { faker: fakerSv, country: 'SE', weight: 8 },
  { faker: fakerJa, country: 'JP', weight: 7 },
];

/** Drives structural randomness (counts, dates, amounts), apart from the name generators. */
export const structuralFaker: Faker = fakerBase;

export function seedFakers(seed: number): void {
  structuralFaker.seed(seed);
  // Distinct but fixed seeds per locale, so adding a locale never reshuffles the others' names.
  LOCALES.forEach((locale, index) => locale.faker.seed(seed * 1009 + index + 1));
}

export function personName(locale: DemoLocale, sex: SexType | undefined): { first: string; last: string } {
  return { first: locale.faker.person.firstName(sex), last: locale.faker.person.lastName(sex) };
}

/** Letters NFKD does not decompose into ASCII plus a combining mark. */
const TRANSLITERATIONS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ð: 'd',
};

/** "Łukasz Müller-Ångström" → "lukaszmullerangstrom"; names in other scripts come out empty. */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[łđøæœßþð]/g, (letter) => TRANSLITERATIONS[letter] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}
