import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** "05/03/2026 14:30" in the given zone: the way forms print received and appointment times. */
export function formatDateTime(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), 'dd/MM/yyyy HH:mm');
}

/** "Cà Mau, ngày 05 tháng 03 năm 2026": the date line of an administrative document. */
export function formatDateLine(place: string, at: Date, timeZone: string): string {
  const d = new TZDate(at.getTime(), timeZone);
  return `${place}, ngày ${format(d, 'dd')} tháng ${format(d, 'MM')} năm ${format(d, 'yyyy')}`;
}
