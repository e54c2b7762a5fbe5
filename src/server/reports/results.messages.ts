import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the results report and the district rollup. */
export const messages = defineMessages(
  {
    resultsNoPeriod: 'В учебном году нет такого периода: итоги считать не за что.',
    resultsNoDistrict: 'Учётная запись не привязана к району.',
  },
  {
    resultsNoPeriod: 'The academic year has no such period: there are no results to count.',
    resultsNoDistrict: 'The account is not linked to a district.',
  },
);

/** Labels of the district rollup's filters. */
export const fields = defineFields(
  { year: 'Учебный год', periodNumber: 'Номер периода', wholeYear: 'За год' },
  { year: 'Academic year', periodNumber: 'Period number', wholeYear: 'Whole year' },
);
