import type { Faker } from '@faker-js/faker';
import type { Role } from '../../domain/roles.ts';
import { firstNames, patronymic, randomSurname, type Sex, spelled, surname, transliterate } from './names.ts';

/** A person of the planned school, before it gets a database id. */
export interface PlannedPerson {
  lastName: string;
  firstName: string;
  middleName: string;
  sex: Sex;
  birthDate: string;
  email: string | null;
  phone: string | null;
  roles: Role[];
  /** Set for people who get an account (password «demo»). */
  login: string | null;
}

/** What a new person is made from: a family (surname index) and a father's name for the patronymic. */
export interface PersonTraits {
  sex: Sex;
  generation: 'adult' | 'child';
  family?: number;
  fatherName?: string;
  born: [from: string, to: string];
  roles: Role[];
}

/** The people of a school, indexed by their position in `list`. */
export class PeopleBuilder {
  readonly list: PlannedPerson[] = [];
  private readonly logins = new Set<string>();

  constructor(
    private readonly faker: Faker,
    private readonly loginPrefix: string,
  ) {}

  /** Adds a person with a plausible Russian full name; returns their index. */
  add(traits: PersonTraits): number {
    const { faker } = this;
    const family = traits.family ?? randomSurname(faker);
    const fatherName = traits.fatherName ?? faker.helpers.arrayElement(firstNames.adult.m);
    const first = faker.helpers.arrayElement(firstNames[traits.generation][traits.sex]);
    this.list.push({
      lastName: surname(family, traits.sex),
      firstName: spelled(first),
      middleName: patronymic(fatherName, traits.sex),
      sex: traits.sex,
      birthDate: dateBetween(faker, ...traits.born),
      email: null,
      phone: null,
      roles: traits.roles,
      login: null,
    });
    return this.list.length - 1;
  }

  /** The first name as stored by the pools (without «ё»), for deriving children's patronymics. */
  plainFirstName(index: number): string {
    return this.get(index).firstName.replaceAll('ё', 'е');
  }

  /** The planned person at an index. */
  get(index: number): PlannedPerson {
    const person = this.list[index];
    if (!person) throw new Error(`No planned person ${index}`);
    return person;
  }

  /** Gives a person a login: the fixed one asked for, or «и.фамилия» made unique with a number. */
  giveLogin(index: number, fixed?: string): string {
    const person = this.get(index);
    const base = fixed ?? `${transliterate(person.firstName.slice(0, 1))}.${transliterate(person.lastName)}`;
    let login = `${this.loginPrefix}${base}`;
    for (let n = 2; this.logins.has(login); n++) login = `${this.loginPrefix}${base}${n}`;
    this.logins.add(login);
    person.login = login;
    return login;
  }

  /** Adds a contact e-mail and mobile phone, as parents give the school. */
  giveContacts(index: number): void {
    const person = this.get(index);
    person.email = this.faker.internet
      .email({
        firstName: transliterate(person.firstName),
        lastName: transliterate(person.lastName),
        provider: this.faker.helpers.arrayElement(['mail.ru', 'yandex.ru', 'gmail.com', 'ya.ru', 'bk.ru']),
      })
      .toLowerCase();
    person.phone = this.faker.helpers.replaceSymbols('+7 9## ###-##-##');
  }
}

const dayMs = 86_400_000;

/** A random date 'YYYY-MM-DD' between two dates, inclusive (not faker.date: it depends on the clock). */
export function dateBetween(faker: Faker, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`) / dayMs;
  const b = Date.parse(`${to}T00:00:00Z`) / dayMs;
  return new Date(faker.number.int({ min: a, max: b }) * dayMs).toISOString().slice(0, 10);
}

/** A date shifted by whole years ('2019-03-01', -30 → '1989-03-01'). */
export function yearsBefore(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
}
