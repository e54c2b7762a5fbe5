import { routes as auditRoutes } from '../audit/routes.ts';
import { routes as backupRoutes } from '../backups/routes.ts';
import { routes as calendarRoutes } from '../calendar/routes.ts';
import { routes as controlRoutes } from '../control/routes.ts';
import { routes as credentialsRoutes } from '../credentials/routes.ts';
import { routes as diaryRoutes } from '../diary/routes.ts';
import { routes as districtRoutes } from '../district/routes.ts';
import { routes as exchangeRoutes } from '../exchange/routes.ts';
import { routes as firstStepsRoutes } from '../first-steps/routes.ts';
import { routes as importsRoutes } from '../imports/routes.ts';
import { routes as journalRoutes } from '../journal/routes.ts';
import { routes as lessonsRoutes } from '../lessons/routes.ts';
import { routes as messagesRoutes } from '../messages/routes.ts';
import { routes as notifyRoutes } from '../notify/routes.ts';
import { routes as peopleRoutes } from '../people/routes.ts';
import { routes as printRoutes } from '../print/routes.ts';
import { routes as regulationRoutes } from '../regulation/routes.ts';
import { routes as reportsRoutes } from '../reports/routes.ts';
import { routes as securityRoutes } from '../security/routes.ts';
import { routes as structureRoutes } from '../structure/routes.ts';
import { routes as supportRoutes } from '../support/routes.ts';
import { routes as timetableRoutes } from '../timetable/routes.ts';
import type { PageRoute } from './page-route.ts';

/** Every page of the signed-in app but home and «Сменить пароль», by module. */
export const pageRoutes: readonly PageRoute[] = [
  ...firstStepsRoutes,
  ...calendarRoutes,
  ...structureRoutes,
  ...peopleRoutes,
  ...importsRoutes,
  ...credentialsRoutes,
  ...timetableRoutes,
  ...securityRoutes,
  ...supportRoutes,
  ...districtRoutes,
  ...journalRoutes,
  ...lessonsRoutes,
  ...controlRoutes,
  ...diaryRoutes,
  ...messagesRoutes,
  ...notifyRoutes,
  ...reportsRoutes,
  ...printRoutes,
  ...backupRoutes,
  ...regulationRoutes,
  ...auditRoutes,
  ...exchangeRoutes,
];
