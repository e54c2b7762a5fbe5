import type { Lang } from '../http/messages.ts';
import type { RegulationFacts } from './regulation-facts.ts';

/** The sections of the regulation, in the order the document shows them. */
export const sectionKeys = [
  'general',
  'roles',
  'timeliness',
  'corrections',
  'periods',
  'backups',
  'paper',
  'responsibility',
] as const;
/** One section's key. */
export type SectionKey = (typeof sectionKeys)[number];

/** A section of the document: its title and text (paragraphs split by blank lines). */
export interface RegulationSection {
  key: SectionKey;
  title: string;
  text: string;
}

/** «1 день», «2 дня», «5 дней». */
function ru(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const h = n % 100;
  const word = d === 1 && h !== 11 ? one : d >= 2 && d <= 4 && (h < 12 || h > 14) ? few : many;
  return `${n} ${word}`;
}

function en(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const schemeRu = { quarters: 'четверти', trimesters: 'триместры', halves: 'полугодия' } as const;
const schemeEn = { quarters: 'quarters', trimesters: 'trimesters', halves: 'half-years' } as const;

function russian(f: RegulationFacts): Record<SectionKey, [string, string]> {
  const scale =
    f.markScale === 'five'
      ? `пятибалльная шкала (5, 4, 3, 2)${f.usePlusMinus ? ', с плюсами и минусами' : ''}`
      : 'безотметочная система («зачтено» / «не зачтено»)';
  const same = (on: boolean, what: string) =>
    on ? `${what} — в день проведения урока;` : `${what} — не позднее окончания окна исправлений;`;
  const b = f.backup;
  const backups = b.at
    ? `Резервная копия базы данных создаётся автоматически ежедневно в ${b.at} (часовой пояс ${f.timeZone}) и записывается на носители: ${b.destinations}. Хранятся ежедневные копии за ${ru(b.keep.daily, 'день', 'дня', 'дней')}, еженедельные — за ${ru(b.keep.weekly, 'неделю', 'недели', 'недель')}, ежемесячные — за ${ru(b.keep.monthly, 'месяц', 'месяца', 'месяцев')}.`
    : 'Автоматическое расписание резервного копирования не настроено: администратор создаёт резервную копию вручную не реже одного раза в день.';
  return {
    general: [
      'Общие положения',
      `Настоящее положение устанавливает порядок ведения электронного классного журнала в организации «${f.schoolName}» (далее — журнал) в системе «Отметка».\n\nЖурнал является документом строгой отчётности. Записи в нём ведутся на русском языке. В журнале применяется ${scale}. Время в журнале считается по часовому поясу ${f.timeZone}.`,
    ],
    roles: [
      'Участники и их обязанности',
      `Учитель ведёт журнал своих предметов: темы уроков, посещаемость, отметки и домашние задания.\n\nКлассный руководитель следит за полнотой журнала класса, указывает причины пропусков и сообщает родителям о пропусках и успеваемости.\n\nЗаместитель директора контролирует своевременность и полноту записей, закрывает учебные периоды и проверяет журнал не реже одного раза в месяц.\n\nДиректор утверждает настоящее положение и отвечает за организацию ведения журнала.\n\nАдминистратор ведёт учётные записи и настройки школы, обеспечивает резервное копирование и работоспособность системы.\n\nРодители (законные представители) и обучающиеся просматривают электронный дневник. Сеанс сотрудника завершается после ${ru(f.idleMinutesStaff, 'минуты', 'минут', 'минут')} бездействия, сеанс семьи — после ${ru(f.idleMinutesFamily, 'минуты', 'минут', 'минут')}.`,
    ],
    timeliness: [
      'Сроки заполнения журнала',
      `Учитель заполняет журнал в следующие сроки:\n\n${same(f.topicSameDay, 'тема урока')}\n\n${same(f.attendanceSameDay, 'отметка об отсутствии обучающихся')}\n\nдомашнее задание — не позднее чем через ${ru(f.homeworkHoursAfterLastLesson, 'час', 'часа', 'часов')} после последнего урока класса в этот день;\n\nотметки за письменные работы — в течение ${ru(f.writtenWorkMarksDays, 'дня', 'дней', 'дней')} после проведения работы.`,
    ],
    corrections: [
      'Исправления записей',
      `Учитель может исправить запись в течение ${ru(f.editWindowDays, 'дня', 'дней', 'дней')} после урока. Позднее исправление вносится только с указанием причины; каждое изменение, его автор, время и причина сохраняются в журнале изменений и не удаляются.`,
    ],
    periods: [
      'Закрытие учебных периодов',
      `Учебный год делится на ${f.schemes.map((s) => schemeRu[s]).join(', ')}. По окончании периода учитель выставляет отметки за период, заместитель директора проверяет их и закрывает период. После закрытия отметки периода изменяются только по решению директора с указанием причины.`,
    ],
    backups: [
      'Резервное копирование',
      `${backups}\n\nАдминистратор проверяет восстановление из копии и хранит ключ шифрования отдельно от носителей.`,
    ],
    paper: [
      'Печать и архивное хранение',
      'По окончании учебного года журнал каждого класса выводится на бумагу (PDF «Отметки»), прошивается, заверяется подписью директора и печатью и передаётся в архив. Сводные ведомости успеваемости хранятся 25 лет, журналы — 5 лет. Электронный архив учебного года выгружается и хранится вместе с резервными копиями.',
    ],
    responsibility: [
      'Ответственность',
      'Работники несут ответственность за достоверность, полноту и своевременность записей в журнале, а также за сохранность своих учётных данных. Передавать пароль другим лицам запрещено.',
    ],
  };
}

function english(f: RegulationFacts): Record<SectionKey, [string, string]> {
  const scale =
    f.markScale === 'five'
      ? `the five-point scale (5, 4, 3, 2)${f.usePlusMinus ? ' with pluses and minuses' : ''}`
      : 'pass/fail without marks';
  const same = (on: boolean, what: string) =>
    on ? `${what}: on the day of the lesson;` : `${what}: before the edit window closes;`;
  const b = f.backup;
  const backups = b.at
    ? `The database is backed up automatically every day at ${b.at} (time zone ${f.timeZone}) onto ${b.destinations} destination(s). Daily copies are kept for ${en(b.keep.daily, 'day')}, weekly ones for ${en(b.keep.weekly, 'week')}, monthly ones for ${en(b.keep.monthly, 'month')}.`
    : 'No backup schedule is set: the administrator makes a backup by hand at least once a day.';
  return {
    general: [
      'General provisions',
      `This regulation sets how the electronic class journal of «${f.schoolName}» (the journal) is kept in Otmetka.\n\nThe journal is a document of strict accountability. It uses ${scale}. Times are counted in the time zone ${f.timeZone}.`,
    ],
    roles: [
      'Roles and duties',
      `The teacher keeps the journal of their subjects: lesson topics, attendance, marks and homework.\n\nThe class teacher sees that the class's journal is complete, records the reasons of absences and informs parents.\n\nThe deputy director checks that records are timely and complete, closes the study periods and checks the journal at least monthly.\n\nThe director approves this regulation and is responsible for how the journal is kept.\n\nThe administrator keeps accounts and the school's settings, backups and the system running.\n\nParents and students read the electronic diary. A staff session ends after ${en(f.idleMinutesStaff, 'minute')} idle, a family session after ${en(f.idleMinutesFamily, 'minute')}.`,
    ],
    timeliness: [
      'Deadlines',
      `The teacher fills in the journal:\n\n${same(f.topicSameDay, 'the lesson topic')}\n\n${same(f.attendanceSameDay, 'absences')}\n\nhomework: within ${en(f.homeworkHoursAfterLastLesson, 'hour')} after the class's last lesson of the day;\n\nmarks for written work: within ${en(f.writtenWorkMarksDays, 'day')} after the work.`,
    ],
    corrections: [
      'Corrections',
      `A teacher may correct a record within ${en(f.editWindowDays, 'day')} after the lesson. A later correction needs a reason; every change, its author, time and reason are kept in the change log and never deleted.`,
    ],
    periods: [
      'Closing of periods',
      `The school year is divided into ${f.schemes.map((s) => schemeEn[s]).join(', ')}. After a period the teacher sets the period marks, the deputy director checks them and closes the period. Marks of a closed period change only by the director's decision with a reason.`,
    ],
    backups: [
      'Backups',
      `${backups}\n\nThe administrator tests restoring a copy and keeps the encryption key apart from the destinations.`,
    ],
    paper: [
      'Printing and archiving',
      "At the end of the school year each class's journal is printed (Otmetka's PDF), bound, signed by the director, stamped and archived. Summary sheets are kept for 25 years, journals for 5 years. The year's electronic archive is exported and kept with the backups.",
    ],
    responsibility: [
      'Responsibility',
      'Staff are responsible for records being true, complete and timely, and for keeping their credentials. Sharing a password is forbidden.',
    ],
  };
}

/**
 * The regulation generated from a school's facts, in Russian or English; `overrides` replace the
 * text of the sections whose wording the director changed.
 */
export function regulationSections(
  facts: RegulationFacts,
  lang: Lang,
  overrides: Partial<Record<SectionKey, string>> = {},
): RegulationSection[] {
  const texts = lang === 'ru' ? russian(facts) : english(facts);
  return sectionKeys.map((key) => ({ key, title: texts[key][0], text: overrides[key] ?? texts[key][1] }));
}

/** The document's title. */
export function regulationTitle(lang: Lang): string {
  return lang === 'ru'
    ? 'Положение о ведении электронного классного журнала'
    : 'Regulation on keeping the electronic class journal';
}
