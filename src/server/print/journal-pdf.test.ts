import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { popplerOf, printSchool } from './journal-pdf.test-helpers.ts';
import { renderClassJournal } from './journal-pdf.ts';

/** The 1-based numbers of the pages whose text matches. */
function pagesWith(pages: string[], pattern: RegExp): number[] {
  return pages.flatMap((text, i) => (pattern.test(text) ? [i + 1] : []));
}

const sqlite = engines()[0]!;

describe('the class journal as PDF', () => {
  let database: Database;
  let school: Awaited<ReturnType<typeof printSchool>>;
  let pdf: Buffer;
  let pages: string[];
  let reader: ReturnType<typeof popplerOf>;
  beforeAll(async () => {
    database = await sqlite.open();
    school = await printSchool(database.db);
    const steps: [number, number][] = [];
    pdf = await renderClassJournal(database.db, school.print(), (done, total) => {
      steps.push([done, total]);
    });
    reader = popplerOf(pdf);
    pages = Array.from({ length: reader.pages() }, (_, i) => reader.text(i + 1));
    expect(steps.at(-1)).toEqual([steps.length, steps.length]);
  });
  afterAll(async () => {
    reader.dispose();
    await database.close();
  });

  it('has the title page in Russian with the class, year, class teacher, period and date', () => {
    const title = pages[0]!;
    for (const text of [
      'Классный журнал',
      '5 «А» класса',
      '2026/2027 учебный год',
      'Классова Анна Ивановна',
      'учебный год',
      '31.05.2027',
    ]) {
      expect(title).toContain(text);
    }
  });

  it('prints each course: left pages with the month, days, students and marks; right pages with dates, topics, homework', () => {
    const math = pagesWith(pages, /Математика — 5 «А»/);
    const left = pages[math[0]! - 1]!;
    expect(left).toMatch(/Сентябрь/);
    expect(left).toMatch(/Октябрь/);
    expect(left).toMatch(/1\s+Алексеев Алексей/);
    expect(left).toMatch(/3\s+Яковлев Ян/);
    expect(left).toMatch(/5 4/);
    expect(left).toMatch(/\sб\s/);
    expect(left).toMatch(/1 четверть/);
    const right = pages[math[1]! - 1]!;
    expect(right).toContain('01.09');
    expect(right).toContain('Натуральные числа');
    expect(right).toContain('№ 12');
    expect(right).toContain('Контрольная работа. Сложение');
    expect(right).toContain('Математикова Мария Ивановна');
    expect(pdfText()).not.toContain('Отменённый урок');
    for (const n of pagesWith(pages, /Фамилия, имя ученика/)) {
      expect(pages[n - 1], `left page ${n}`).toMatch(/Сентябрь|Октябрь/);
      expect(pages[n - 1], `left page ${n}`).toContain('Яковлев Ян');
    }
    for (const n of pagesWith(pages, /Что пройдено на уроке/)) {
      expect(pages[n - 1], `right page ${n}`).toMatch(/\d\d\.09/);
    }
  });

  it('lists each section in the contents with the page it really starts on', () => {
    const contents = pages[1]!;
    expect(contents).toContain('Оглавление');
    const listed = [...contents.matchAll(/^\s*(.+?)\s*\.*\s+(\d+)\s*$/gm)].filter(
      (m) => !/—\s*\d+\s*—/.test(m[0]),
    );
    const titles = listed.map((m) => m[1]!.replace(/[\s.]+$/, ''));
    expect(titles).toEqual(
      expect.arrayContaining([
        'Русский язык — Русакова Роза Петровна',
        'Математика — Математикова Мария Ивановна',
        'Общие сведения об учащихся',
        'Сводная ведомость учёта успеваемости обучающихся 5А класс, 2026/2027 учебный год',
        'Сводная ведомость посещаемости',
        'Замечания по ведению журнала',
      ]),
    );
    for (const m of listed) {
      const page = pages[Number(m[2]) - 1]!;
      const heading = m[1]!.replace(/[\s.]+$/, '');
      const course = /^(.+) — /.exec(heading)?.[1];
      expect(page).toContain(course ? `${course} — 5 «А»` : heading);
    }
    expect(pagesWith(pages, /Русский язык — 5 «А»/)[0]).toBeLessThan(
      pagesWith(pages, /Математика — 5 «А»/)[0]!,
    );
  });

  it('has the class sections: students’ general information, attendance summary, remarks', () => {
    const general = pages[pagesWith(pages, /Общие сведения об учащихся/).at(-1)! - 1]!;
    expect(general).toContain('Я-17');
    expect(general).toContain('04.03.2015');
    expect(general).toMatch(/Яковлева Ольга Петровна, Почта/);
    const remarks = pages[pagesWith(pages, /Замечания по ведению журнала/).at(-1)! - 1]!;
    expect(remarks).toContain('Не выставлены отметки');
    expect(remarks).toContain('не выполнено');
  });

  it('numbers every page and ends with the certificate naming the real page count in words', () => {
    pages.forEach((text, i) => {
      expect(text).toMatch(new RegExp(`— ${i + 1} —`));
    });
    const last = pages.at(-1)!.replace(/\s+/g, ' ');
    const count = pages.length;
    expect(last).toContain(`скреплено печатью ${count} (`);
    expect(last).toMatch(/Директор .*Директорова Д\. Д\./);
    expect(last).toContain('М.П.');
  });

  it('gives the same bytes for the same data and date', async () => {
    const again = await renderClassJournal(database.db, school.print());
    expect(again.equals(pdf)).toBe(true);
  });

  it('keeps a teacher’s print to their course: no class sections, no certificate', async () => {
    const own = popplerOf(
      await renderClassJournal(database.db, school.print({ courseIds: [school.mathId] })),
    );
    try {
      const text = own.text();
      expect(text).toContain('Математика — 5 «А»');
      expect(text).not.toContain('Русский язык — 5 «А»');
      for (const section of [
        'Общие сведения',
        'Сводная ведомость посещаемости',
        'Замечания',
        'прошнуровано',
      ]) {
        expect(text).not.toContain(section);
      }
    } finally {
      own.dispose();
    }
  });

  it('prints in English', async () => {
    const en = popplerOf(await renderClassJournal(database.db, school.print({ lang: 'en' })));
    try {
      const text = en.text();
      expect(text).toContain('Class register');
      expect(text).toContain('September');
      expect(text.replace(/\s+/g, ' ')).toMatch(/In this register \d+ \([a-z -]+\) pages are numbered/);
    } finally {
      en.dispose();
    }
  });

  it('lays a left page out with the names left of the dates, below the month header', () => {
    const page = pagesWith(pages, /Математика — 5 «А»/)[0]!;
    const words = [
      ...reader
        .bbox(page)
        .matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
    ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[5]! }));
    const name = words.find((w) => w.text === 'Яковлев')!;
    const month = words.find((w) => w.text === 'Сентябрь')!;
    const mark = words.find((w) => w.text === '5' && w.yMin > name.yMin - 3 && w.yMin < name.yMin + 3)!;
    expect(name.xMax).toBeLessThan(month.xMin);
    expect(name.yMin).toBeGreaterThan(month.yMin);
    expect(mark.xMin).toBeGreaterThan(name.xMax);
  });

  it('draws nothing in the page margins', () => {
    for (const page of [1, 2, pagesWith(pages, /Математика — 5 «А»/)[0]!, pages.length]) {
      const pgm = execFileSync('pdftoppm', [
        '-r',
        '40',
        '-gray',
        '-f',
        String(page),
        '-l',
        String(page),
        reader.file,
      ]);
      const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/
        .exec(pgm.toString('latin1', 0, 40))!
        .map(Number) as [number, number, number];
      const header = pgm.toString('latin1', 0, 40).match(/^P5\s+\d+\s+\d+\s+255\s/)![0].length;
      const pixel = (x: number, y: number) => pgm[header + y * width + x]!;
      const scale = 40 / 72;
      const strip = {
        left: Math.floor(38 * scale),
        right: Math.floor(24 * scale),
        top: Math.floor(24 * scale),
        bottom: Math.floor(10 * scale),
      };
      const inked: string[] = [];
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const inMargin =
            x < strip.left || x >= width - strip.right || y < strip.top || y >= height - strip.bottom;
          if (inMargin && pixel(x, y) < 250) inked.push(`${x},${y}`);
        }
      }
      expect(inked, `page ${page}`).toEqual([]);
    }
  });

  function pdfText(): string {
    return pages.join('\n');
  }
});
