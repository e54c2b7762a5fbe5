import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the year archive. */
export const dictionary = defineDictionary(
  {
    'archive.title': 'Архив журналов за год',
    'archive.intro':
      'Архив класса за учебный год — один ZIP-файл: классный журнал и сводная ведомость в PDF, они же в XLSX, опись manifest.json и контрольные суммы SHA256SUMS.',
    'archive.keep':
      'Храните классный журнал 5 лет, сводные ведомости — 25 лет. Проверить, что архив не изменён: «Проверить архив» ниже, команда otmetka archive verify ФАЙЛ или, распаковав архив, sha256sum -c SHA256SUMS.',
    'archive.year': 'Учебный год',
    'archive.classes': 'Классы',
    'archive.noClasses': 'В этом учебном году нет классов.',
    'archive.make': 'Сформировать архив',
    'archive.makeOf': 'Сформировать архив {className}',
    'archive.progress': 'Готовится: {done} из {total}',
    'archive.queued': 'В очереди…',
    'archive.download': 'Скачать',
    'archive.failed': 'Архив не сформирован: {error}',
    'archive.verifyTitle': 'Проверить архив',
    'archive.verifyFile': 'Файл архива (ZIP)',
    'archive.verifyTooLarge': 'Файл больше 200 МБ: проверьте его командой otmetka archive verify.',
    'archive.verifyChecking': 'Проверяется…',
    'archive.verifyOk': 'Архив в порядке: все файлы совпадают с описью.',
    'archive.verifyBad': 'Архив изменён или повреждён:',
    'archive.verifyOf': '{className}, {year}, сформирован {createdOn}',
    'archive.status.ok': 'в порядке',
    'archive.status.changed': 'изменён',
    'archive.status.missing': 'отсутствует',
    'archive.status.extra': 'лишний',
  },
  {
    'archive.title': 'Year archive of journals',
    'archive.intro':
      'The archive of a class for a school year is one ZIP file: the class journal and the summary sheet as PDF, the same as XLSX, the manifest.json list and the SHA256SUMS checksums.',
    'archive.keep':
      'Keep the class journal 5 years and the summary sheets 25 years. To check an archive is unchanged: «Check an archive» below, the command otmetka archive verify FILE, or sha256sum -c SHA256SUMS in the unpacked archive.',
    'archive.year': 'School year',
    'archive.classes': 'Classes',
    'archive.noClasses': 'This school year has no classes.',
    'archive.make': 'Make the archive',
    'archive.makeOf': 'Make the archive of {className}',
    'archive.progress': 'In progress: {done} of {total}',
    'archive.queued': 'Queued…',
    'archive.download': 'Download',
    'archive.failed': 'The archive was not made: {error}',
    'archive.verifyTitle': 'Check an archive',
    'archive.verifyFile': 'Archive file (ZIP)',
    'archive.verifyTooLarge': 'The file is over 200 MB: check it with otmetka archive verify.',
    'archive.verifyChecking': 'Checking…',
    'archive.verifyOk': 'The archive is intact: every file matches the manifest.',
    'archive.verifyBad': 'The archive was changed or damaged:',
    'archive.verifyOf': '{className}, {year}, made on {createdOn}',
    'archive.status.ok': 'intact',
    'archive.status.changed': 'changed',
    'archive.status.missing': 'missing',
    'archive.status.extra': 'extra',
  },
);
