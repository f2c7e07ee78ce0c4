import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * The calendar date (YYYY-MM-DD) of an instant in a time zone. Queue numbering
 * resets and daily reports key on this, never on the UTC date.
 */
export function businessDate(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return format(new TZDate(at.getTime(), timeZone), 'yyyy-MM-dd');
}
