const ones = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const teens = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const tens = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
];
const hundreds = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
];
const thousands = ['тысяча', 'тысячи', 'тысяч'] as const;

/** 1–999 in words, feminine («одна», «две»): below a thousand. */
function below1000(n: number): string[] {
  const words = [hundreds[Math.floor(n / 100)]!];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(teens[rest - 10]!);
  else words.push(tens[Math.floor(rest / 10)]!, ones[rest % 10]!);
  return words.filter(Boolean);
}

/** Which of the three Russian forms a count takes: 1 «страница», 2–4 «страницы», else «страниц». */
export function russianPlural(n: number): 0 | 1 | 2 {
  const last2 = n % 100;
  const last = n % 10;
  if (last2 >= 11 && last2 <= 14) return 2;
  if (last === 1) return 0;
  if (last >= 2 && last <= 4) return 1;
  return 2;
}

/**
 * A count of feminine things in Russian words (1–999 999): 1 «одна», 2 «две», 42 «сорок две»,
 * 1001 «одна тысяча одна»; 0 «ноль».
 */
export function russianFeminineNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`${n} is out of range`);
  if (n === 0) return 'ноль';
  const high = Math.floor(n / 1000);
  const words: string[] = [];
  if (high > 0) words.push(...below1000(high), thousands[russianPlural(high)]);
  words.push(...below1000(n % 1000));
  return words.join(' ');
}

/** «страница», «страницы» or «страниц» as a count wants. */
export function pagesWord(n: number): string {
  return ['страница', 'страницы', 'страниц'][russianPlural(n)]!;
}

const enOnes = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const enTens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A number 0–9999 in English words («forty-two», «one hundred and five»). */
export function englishNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`${n} is out of range`);
  if (n < 20) return enOnes[n]!;
  if (n < 100) return enTens[Math.floor(n / 10)]! + (n % 10 ? `-${enOnes[n % 10]}` : '');
  if (n < 1000) {
    const rest = n % 100;
    return `${enOnes[Math.floor(n / 100)]} hundred${rest ? ` and ${englishNumber(rest)}` : ''}`;
  }
  const rest = n % 1000;
  const joiner = rest === 0 ? '' : rest < 100 ? ' and ' : ' ';
  return `${enOnes[Math.floor(n / 1000)]} thousand${joiner}${rest ? englishNumber(rest) : ''}`;
}
