import { base, Faker, ru } from '@faker-js/faker';

/** A person's sex as stored in `persons.sex`. */
export type Sex = 'm' | 'f';

/** A seeded Russian faker: the same seed always gives the same people. */
export function seededFaker(seed: number): Faker {
  const faker = new Faker({ locale: [ru, base] });
  faker.seed(seed);
  return faker;
}

// faker's Russian lists hold many rare and archaic names («Автоном», «Евпраксия»); a school
// register should look like one, so only names common in the relevant generation are used.
const adultMale =
  'Александр Алексей Анатолий Андрей Аркадий Артем Борис Вадим Валентин Валерий Василий Виктор Виталий Владимир Владислав Вячеслав Геннадий Георгий Герман Глеб Григорий Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел Петр Роман Руслан Семен Сергей Станислав Степан Тимур Федор Юрий Ярослав';
const childMale =
  'Александр Алексей Андрей Артем Арсений Богдан Владимир Владислав Всеволод Глеб Георгий Даниил Денис Дмитрий Егор Иван Илья Кирилл Константин Лев Макар Максим Марк Матвей Мирон Михаил Никита Николай Павел Платон Роман Савелий Святослав Семен Сергей Степан Тимофей Тимур Федор Ярослав';
const adultFemale =
  'Александра Алина Алла Анастасия Анна Валентина Валерия Вера Вероника Виктория Галина Дарья Евгения Екатерина Елена Елизавета Жанна Ирина Кира Ксения Лариса Лидия Любовь Людмила Маргарита Марина Мария Надежда Наталья Нина Оксана Ольга Полина Светлана Татьяна Юлия';
const childFemale =
  'Александра Алина Алиса Анастасия Ангелина Анна Валерия Варвара Василиса Вероника Виктория Дарья Ева Евгения Екатерина Елизавета Кира Ксения Маргарита Мария Милана Полина София Таисия Ульяна Эмилия';

/** faker spells «ё» as «е»; these names are written with it. */
const withYo: Record<string, string> = { Артем: 'Артём', Семен: 'Семён', Федор: 'Фёдор', Петр: 'Пётр' };

function pool(common: string, fakerList: readonly string[]): string[] {
  const known = new Set([...fakerList, 'Даниил', 'Алиса', 'Ева', 'Милана']);
  return common.split(' ').filter((name) => known.has(name));
}

/** First-name pools by generation and sex, drawn from faker's Russian lists. */
export const firstNames = {
  adult: {
    m: pool(adultMale, ru.person?.first_name?.male ?? []),
    f: pool(adultFemale, ru.person?.first_name?.female ?? []),
  },
  child: {
    m: pool(childMale, ru.person?.first_name?.male ?? []),
    f: pool(childFemale, ru.person?.first_name?.female ?? []),
  },
};

const irregular: Record<string, [string, string]> = {
  Лев: ['Львович', 'Львовна'],
  Павел: ['Павлович', 'Павловна'],
  Михаил: ['Михайлович', 'Михайловна'],
  Петр: ['Петрович', 'Петровна'],
  Илья: ['Ильич', 'Ильинична'],
  Никита: ['Никитич', 'Никитична'],
  Дмитрий: ['Дмитриевич', 'Дмитриевна'],
  Георгий: ['Георгиевич', 'Георгиевна'],
};

/** The patronymic a child of a man with this first name gets («Сергей» → «Сергеевич»/«Сергеевна»). */
export function patronymic(fatherName: string, sex: Sex): string {
  const plain = fatherName.replaceAll('ё', 'е');
  const special = irregular[plain];
  if (special) return sex === 'm' ? special[0] : special[1];
  const [stem, suffix] = plain.endsWith('ий')
    ? [plain.slice(0, -2), 'ьев']
    : plain.endsWith('й') || plain.endsWith('ь')
      ? [plain.slice(0, -1), 'ев']
      : [plain, 'ов'];
  const yo = withYo[plain];
  return (yo && stem === plain ? yo : stem) + suffix + (sex === 'm' ? 'ич' : 'на');
}

/** Displays a first name from the pools with its «ё». */
export function spelled(name: string): string {
  return withYo[name] ?? name;
}

const surnamesMale = ru.person?.last_name?.male ?? [];
const surnamesFemale = ru.person?.last_name?.female ?? [];

/** A random family, as an index into faker's parallel male/female surname lists. */
export function randomSurname(faker: Faker): number {
  return faker.number.int({ min: 0, max: surnamesMale.length - 1 });
}

/** The family's surname in the form for this sex (Иванов / Иванова). */
export function surname(family: number, sex: Sex): string {
  const list = sex === 'm' ? surnamesMale : surnamesFemale;
  const name = list[family];
  if (!name) throw new Error(`No surname ${family}`);
  return name;
}

const latin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Russian text in Latin letters for logins and e-mails («Щукина» → «shchukina»). */
export function transliterate(text: string): string {
  return [...text.toLocaleLowerCase('ru')].map((ch) => latin[ch] ?? ch).join('');
}
