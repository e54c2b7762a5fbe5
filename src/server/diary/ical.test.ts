import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from './ical.ts';

describe('iCalendar text', () => {
  it('escapes commas, semicolons, backslashes and line breaks', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a Cyrillic letter', () => {
    const line = `SUMMARY:${'Ж'.repeat(80)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    expect(Buffer.byteLength(parts[0]!, 'utf8')).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) {
      expect(p.startsWith(' ')).toBe(true);
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });

  it('builds timed and all-day events with CRLF line ends', () => {
    const text = buildCalendar({
      name: 'Уроки',
      stamp: new Date('2026-11-20T10:00:00Z'),
      events: [
        {
          uid: 'lesson-1@otmetka',
          date: '2026-11-23',
          startsAt: '08:30',
          endsAt: '09:15',
          summary: 'Русский язык: Глагол, время',
          description: 'Упр. 5;\nстр. 12',
        },
        {
          uid: 'lesson-2@otmetka',
          date: '2026-11-28',
          startsAt: null,
          endsAt: null,
          summary: 'Математика',
          description: null,
        },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTAMP:20261120T100000Z');
    expect(lines).toContain('DTSTART:20261123T083000');
    expect(lines).toContain('DTEND:20261123T091500');
    expect(lines).toContain('SUMMARY:Русский язык: Глагол\\, время');
    expect(lines).toContain('DESCRIPTION:Упр. 5\\;\\nстр. 12');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261128');
    expect(lines).toContain('DTEND;VALUE=DATE:20261129');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
