/** One event of a calendar feed: a lesson, timed when the bells are known, else all-day. */
export interface CalendarEvent {
  uid: string;
  date: string;
  /** 'HH:MM' local (floating) times, or null for an all-day event. */
  startsAt: string | null;
  endsAt: string | null;
  summary: string;
  description: string | null;
  cancelled?: boolean;
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (date: string) => date.replaceAll('-', '');
const compactTime = (time: string) => `${time.replace(':', '').padEnd(4, '0').slice(0, 4)}00`;

/** 'YYYYMMDDTHHMMSSZ' of a moment. */
export function utcStamp(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The day after a 'YYYY-MM-DD' date (an all-day event's exclusive end). */
function nextDay(date: string): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
}

/** An iCalendar (RFC 5545) text of the events: CRLF line ends, folded lines, escaped text. */
export function buildCalendar(o: { name: string; stamp: Date; events: readonly CalendarEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Otmetka//Diary//RU',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(o.name)}`,
  ];
  const stamp = utcStamp(o.stamp);
  for (const e of o.events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`);
    if (e.startsAt && e.endsAt) {
      lines.push(`DTSTART:${compactDate(e.date)}T${compactTime(e.startsAt)}`);
      lines.push(`DTEND:${compactDate(e.date)}T${compactTime(e.endsAt)}`);
    } else {
      lines.push(
        `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
        `DTEND;VALUE=DATE:${compactDate(nextDay(e.date))}`,
      );
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.cancelled) lines.push('STATUS:CANCELLED');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
